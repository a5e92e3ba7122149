import ArgumentParser
import BriefingCheck
import BriefingCore
import Foundation

/// `briefing check`: every content rule, then every link of the built site; exits 0 only when nothing is found.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content, build the site and check every link in it.",
        discussion: """
            Content: front matter types and required fields, unknown topics and companies, duplicate slugs and ids, \
            briefs dated in the future, empty bodies, missing summaries and unknown fields. When the content builds, \
            the site is built into the output folder as `briefing build` would (incrementally, so a check after a \
            build renders nothing again) and every internal link and #anchor of every page and feed must resolve. \
            External links are listed, and fetched only with --external.

            Errors stop the build or break the site; warnings build but look wrong. Both are problems: the exit \
            status is 0 only when there are none, 1 otherwise.
            """)

    /// How the report is written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "Where to build the site (default: public/ in the site folder, as for build).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The URL the site is served from, overriding briefing.yml's baseURL.")
    var baseURL: String?

    @Option(name: .customLong("future-tolerance"), help: "Days a brief may be dated ahead of today before it is reported.")
    var futureTolerance = 1

    @Flag(name: .long, help: "Fetch every external link (HEAD, then GET; 10 s timeout, 8 at once) instead of only listing them.")
    var external = false

    @Option(name: .long, help: "text, or json for CI (a stable document: problems, external links, summary).")
    var format = Format.text

    @Flag(name: .shortAndLong, help: "List the external links in the text report.")
    var verbose = false

    @Option(name: .long, help: "How many pages to render and check at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard futureTolerance >= 0 else { throw ValidationError("--future-tolerance must be 0 or more days") }
    }

    func run() throws {
        let status = execute(now: .now(), fetcher: URLSessionLinkFetcher(), output: .standardOutput, errors: .standardError)
        if status != 0 { throw ExitCode(status) }
    }

    /// The whole command with its clock, network and terminals passed in; returns the exit status.
    func execute(now: Timestamp, fetcher: any ExternalLinkFetcher, output: Terminal, errors: Terminal) -> Int32 {
        let check = SiteCheck(
            siteDirectory: options.siteDirectory,
            outputDirectory: self.output.map { URL(fileURLWithPath: $0, isDirectory: true) },
            baseURL: baseURL,
            options: CheckOptions(now: now, futureToleranceDays: futureTolerance, fetchExternalLinks: external),
            jobs: jobs)
        let reporters = Dictionary(uniqueKeysWithValues: SiteCheck.Stage.allCases.map {
            ($0, ProgressReporter(label: $0.rawValue, terminal: errors))
        })
        let report = check.run(fetcher: fetcher, waiting: Terminal.waitForOtherBuild) { stage, done, total in
            reporters[stage]?.update(done, of: total)
        }
        reporters.values.forEach { $0.finish() }
        switch format {
        case .json: output.write(report.json() + "\n")
        case .text: output.write(Check.text(of: report, style: output.style, verbose: verbose))
        }
        return report.isClean ? 0 : 1
    }

    /// Problems grouped by file (a blank line between files), then what was not checked and the summary line.
    static func text(of report: CheckReport, style: ErrorStyle, verbose: Bool) -> String {
        var lines: [String] = []
        for (index, group) in report.problemsByFile.enumerated() {
            if index > 0 { lines.append("") }
            lines += group.problems.map { style.format(Diagnostic($0)) }
        }
        if verbose, !report.externalLinks.isEmpty {
            if !lines.isEmpty { lines.append("") }
            let state = report.externalLinksFetched ? "fetched" : "not fetched; --external fetches them"
            lines.append("External links (\(CountText.grouped(report.externalLinks.count)), \(state)):")
            for link in report.externalLinks {
                let uses = link.occurrences > 1 ? " (\(CountText.grouped(link.occurrences))×)" : ""
                lines.append("  \(link.url)\(uses) " + style.dim("\(link.file):\(link.line)"))
            }
        }
        if !lines.isEmpty { lines.append("") }
        if let skipped = report.linksSkipped { lines.append("Links not checked: \(skipped).") }
        lines.append(style.bold(report.summary))
        return lines.joined(separator: "\n") + "\n"
    }
}
