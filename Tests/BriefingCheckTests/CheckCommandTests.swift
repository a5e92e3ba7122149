import BriefingBuild
import BriefingCheck
import BriefingCore
import Foundation
import Synchronization
import Testing
@testable import briefing

/// `briefing check` as the command line runs it: exit status, text and JSON reports.
@Suite struct CheckCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let command = try #require(try Briefing.parseAsRoot(["check"] + arguments) as? Check)
        let output = CapturedText()
        let errors = CapturedText()
        let status = command.execute(
            now: CheckSite.now, fetcher: RecordingFetcher(),
            output: Terminal(isTTY: false, environment: [:], write: output.append),
            errors: Terminal(isTTY: false, environment: [:], write: errors.append))
        return (status, output.value, errors.value)
    }

    @Test func aCleanSiteExitsZero() throws {
        let site = try CheckSite.clean()
        let result = try run(["--site", site.directory.path])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("check: no problems in 1 brief, 0 stories, 1 company, 1 topic; "))
    }

    @Test func problemsExitOneGroupedByFileWithASummary() throws {
        let site = try CheckSite.clean([
            "content/briefs/2025/h20.md": CheckSite.brief(["companies": "[nvdia]"]),
            "content/briefs/2025/h21.md": CheckSite.brief(["id": "h21", "summary": "\"\"", "topic": "x"]),
        ])
        let result = try run(["--site", site.directory.path])
        #expect(result.status == 1)
        #expect(result.output == """
            content/briefs/2025/h20.md:6: error: unknown company `nvdia` — did you mean `nvidia`? Otherwise create content/companies/nvdia.md or correct the slug

            content/briefs/2025/h21.md:5: warning: the brief has no summary — add `summary: …`, one or two sentences: cards, feeds and the home page show it
            content/briefs/2025/h21.md:8: warning: unknown field `topic`: the build ignores it — did you mean `topics`? A brief's fields are: id, title, date, summary, topics, companies, mentions, stories, authors, sources, events

            Links not checked: the content has errors the build would stop at; fix them and check again.
            check: 1 error, 2 warnings in 2 files

            """)
    }

    @Test func theFutureToleranceIsAnOption() throws {
        let site = try CheckSite.clean(["content/briefs/2025/h20.md": CheckSite.brief(["date": "2025-12-05"])])
        #expect(try run(["--site", site.directory.path]).status == 1)
        #expect(try run(["--site", site.directory.path, "--future-tolerance", "7"]).status == 0)
    }

    @Test func jsonGoesToStandardOutputAndStillSetsTheStatus() throws {
        let site = try CheckSite.clean(["content/companies/nvidia.md": "---\nname: Nvidia\n---\n"])
        let result = try run(["--site", site.directory.path, "--format", "json"])
        #expect(result.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect((document?["summary"] as? [String: Any])?["warnings"] as? Int == 1)
    }

    @Test func verboseListsExternalLinks() throws {
        let site = try CheckSite.clean(["content/companies/nvidia.md": "---\nname: Nvidia\nwebsite: https://www.nvidia.com\n---\nGPUs.\n"])
        let result = try run(["--site", site.directory.path, "--verbose"])
        #expect(result.status == 0)
        #expect(result.output.contains("External links (1, not fetched; --external fetches them):\n  https://www.nvidia.com content/companies/nvidia.md:3\n"))
    }
}

/// Colour, diagnostics and progress on terminals and in logs.
@Suite struct TerminalTests {
    @Test func colourOnlyOnATerminalThatWantsIt() {
        #expect(Terminal.usesColour(isTTY: true, environment: ["TERM": "xterm-256color"]))
        #expect(!Terminal.usesColour(isTTY: false, environment: ["TERM": "xterm-256color"]))
        #expect(!Terminal.usesColour(isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]))
        #expect(Terminal.usesColour(isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": ""]))
        #expect(!Terminal.usesColour(isTTY: true, environment: ["TERM": "dumb"]))
    }

    @Test func diagnosticsReadLikeACompilers() {
        let diagnostic = Diagnostic(file: "content/briefs/2025/a.md", line: 5, column: 3, message: "unknown topic `x`", fix: "create it")
        #expect(ErrorStyle(colour: false).format(diagnostic) == "content/briefs/2025/a.md:5:3: error: unknown topic `x` — create it")
        #expect(ErrorStyle(colour: true).format(diagnostic)
            == "\u{1B}[1mcontent/briefs/2025/a.md:5:3:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m unknown topic `x` — create it")
        let warning = Diagnostic(file: "briefing.yml", severity: .warning, message: "odd")
        #expect(ErrorStyle(colour: false).format(warning) == "briefing.yml: warning: odd")
    }

    @Test func everyCommandErrorIsLocated() {
        let content = ContentErrors([ContentProblem(file: "content/topics/a.md", line: 2, column: 7, message: "bad", fix: "fix it")])
        #expect(Diagnostic.of(content) == [Diagnostic(file: "content/topics/a.md", line: 2, column: 7, message: "bad", fix: "fix it")])
        let output = Diagnostic.of(BuildError.output(path: "/srv/www", "cannot create the output folder — pick another"))
        #expect(output == [Diagnostic(file: "/srv/www", message: "cannot create the output folder", fix: "pick another")])
    }

    @Test func logsGetAFewPlainLines() {
        let lines = CapturedText()
        let clock = FakeClock()
        let progress = ProgressReporter(label: "rendered", interactive: false, clock: clock.read, output: lines.append)
        for done in 1...1_000 {
            clock.advance(0.001)
            progress.update(done, of: 1_000)
        }
        progress.finish()
        #expect(lines.value == """
            rendered 250/1,000 (25%)
            rendered 500/1,000 (50%)
            rendered 750/1,000 (75%)
            rendered 1,000/1,000 (100%)

            """)
    }

    @Test func shortRunsShowNothing() {
        let lines = CapturedText()
        let progress = ProgressReporter(label: "rendered", interactive: true, clock: FakeClock().read, output: lines.append)
        for done in 1...50 { progress.update(done, of: 50) }
        progress.finish()
        #expect(lines.value == "")
    }

    @Test func aTerminalGetsOneLineRedrawnAtMostTenTimesASecond() {
        let text = CapturedText()
        let clock = FakeClock()
        let progress = ProgressReporter(label: "rendered", interactive: true, clock: clock.read, output: text.append)
        for done in 1...16_000 {
            clock.advance(0.0001)
            progress.update(done, of: 16_000)
        }
        progress.finish()
        let draws = text.value.components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
        #expect((15...18).contains(draws.count))
        #expect(!text.value.contains("\n"))
        #expect(draws.first?.hasPrefix("rendered 1/16,000 ") == true)
        #expect(draws.dropFirst(5).first?.contains(" · ETA ") == true)
        #expect(draws.last?.hasPrefix("rendered 16,000/16,000 ████████████████████ 100%") == true)
        #expect(text.value.hasSuffix("\r\u{1B}[K"))
    }
}

/// A clock tests move by hand.
final class FakeClock: Sendable {
    private let now = Mutex(100.0)
    var read: @Sendable () -> Double { { [self] in now.withLock { $0 } } }
    func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
}
