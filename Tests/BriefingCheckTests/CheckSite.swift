import BriefingCore
import Foundation
import Synchronization
@testable import BriefingCheck

/// A scratch site folder for one check test, written file by file.
struct CheckSite {
    let directory: URL
    var output: URL { directory.appendingPathComponent("public") }

    /// The repository root: its content/ is the example site.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A moment after every example brief, so future-date findings never depend on the test machine's clock.
    static let now = Timestamp(iso: "2025-12-01T12:00:00Z")!

    init(_ files: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// The smallest clean site: one topic, one company and one brief that uses both.
    static func clean(_ extra: [String: String] = [:]) throws -> CheckSite {
        try CheckSite([
            "briefing.yml": "title: Test Desk\nbaseURL: https://example.org/portal/\n",
            "content/topics/ai-chips.md": "---\nname: AI chips\n---\nAccelerators for AI.\n",
            "content/companies/nvidia.md": "---\nname: Nvidia\n---\nMakes GPUs.\n",
            "content/briefs/2025/h20.md": brief(),
        ].merging(extra) { $1 })
    }

    /// A copy of the example site.
    static func example() throws -> CheckSite {
        let site = try CheckSite()
        for item in ["briefing.yml", "content"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: site.directory.appendingPathComponent(item))
        }
        return site
    }

    /// A clean brief's text; `fields` replaces or adds front matter lines, `body` the text.
    static func brief(_ fields: [String: String] = [:], body: String = "Nvidia's H20 meets new limits.") -> String {
        let defaults = [
            "title": "\"H20 limits\"", "date": "2025-09-09T10:00:00Z", "summary": "Nvidia's H20 meets limits.",
            "topics": "[ai-chips]", "companies": "[nvidia]",
        ]
        let all = defaults.merging(fields) { $1 }
        let order = ["id", "title", "date", "summary", "topics", "companies"]
        let keys = order.filter { all[$0] != nil } + all.keys.filter { !order.contains($0) }.sorted()
        return "---\n" + keys.map { "\($0): \(all[$0] ?? "")\n" }.joined() + "---\n" + body + "\n"
    }

    func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? {
        (try? Data(contentsOf: directory.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The content rules' findings alone (no build).
    func contentProblems(now: Timestamp = CheckSite.now, toleranceDays: Int = 1) -> [CheckProblem] {
        let content = SiteLoader(directory: directory).loadContent()
        return ContentRules(options: CheckOptions(now: now, futureToleranceDays: toleranceDays)).problems(in: content)
            .sorted(by: CheckProblem.reading)
    }

    /// A whole check: content, build into public/, links.
    func check(external: Bool = false, fetcher: any ExternalLinkFetcher = RecordingFetcher()) -> CheckReport {
        SiteCheck(siteDirectory: directory, options: CheckOptions(now: CheckSite.now, fetchExternalLinks: external), jobs: 2)
            .run(fetcher: fetcher)
    }
}

/// An external link fetcher that fetches nothing: it records the URLs it was asked for and answers from a table.
final class RecordingFetcher: ExternalLinkFetcher {
    private let asked = Mutex<[String]>([])
    let answers: [String: ExternalLinkStatus]

    init(answers: [String: ExternalLinkStatus] = [:]) { self.answers = answers }

    var requested: [String] { asked.withLock { $0 } }

    func statuses(of urls: [String], progress: (@Sendable (Int, Int) -> Void)?) -> [String: ExternalLinkStatus] {
        asked.withLock { $0 += urls }
        return Dictionary(uniqueKeysWithValues: urls.map { ($0, answers[$0] ?? .reachable(200)) })
    }
}

/// Text written to a stand-in terminal, for tests to read back.
final class CapturedText: Sendable {
    private let text = Mutex("")
    var value: String { text.withLock { $0 } }
    func append(_ more: String) { text.withLock { $0 += more } }
}
