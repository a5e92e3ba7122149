import BriefingCore
import Foundation
@testable import BriefingFetch

/// A site folder for fetch tests: a one-topic, one-company registry, no briefs, and a folder of feed files
/// the test servers serve.
struct FetchSite {
    let directory: URL
    /// What nginx and feed_server.py serve.
    let www: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-\(UUID().uuidString)")
        directory = base.appendingPathComponent("site")
        www = base.appendingPathComponent("www")
        let files = [
            "content/topics/ai-chips.md": "---\nname: AI Chips\nkeywords: [gpu, ai chip]\n---\nAccelerators.\n",
            "content/topics/policy.md": "---\nname: Policy\nkeywords: [export controls]\n---\nRules.\n",
            "content/companies/nvidia.md": "---\nname: Nvidia\naliases: [NVIDIA]\n---\nGPUs.\n",
            "briefing.yml": "title: Test portal\n",
        ]
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
    }

    /// Writes a feed file for the servers, with a modification time that moves on each write (nginx's ETag
    /// and Last-Modified are made from it).
    func publish(_ name: String, _ text: String, modified: Date = Date()) throws {
        let url = www.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified, .posixPermissions: 0o644], ofItemAtPath: url.path)
    }

    var briefFiles: [String] {
        (FileManager.default.enumerator(atPath: directory.appendingPathComponent("content/briefs").path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    var stateText: String? { try? read(FetchStateFile.fileName) }

    /// A fetch run over `sources` with short timeouts and a fixed clock and jitter.
    func run(
        _ sources: [FeedSource], now: Timestamp = TestFeeds.now, all: Bool = false, dryRun: Bool = false,
        configure: (inout FetchOptions) -> Void = { _ in }
    ) async -> FetchReport {
        var options = FetchOptions(version: "9.9.9-test")
        options.connectTimeout = .seconds(2)
        options.timeout = .seconds(2)
        configure(&options)
        var run = FetchRun(siteDirectory: directory, sources: sources, options: options, now: now)
        run.ignoringInterval = all
        run.dryRun = dryRun
        run.jitter = { 0.5 }
        return await run.run()
    }
}

/// Feed documents for the servers to serve.
enum TestFeeds {
    static let now = Timestamp(iso: "2025-09-10T06:00:00Z")!

    /// An RSS 2.0 feed with one item per (guid, title) pair.
    static func rss(_ items: [(guid: String, title: String)], channel: String = "Chip Wire") -> String {
        let entries = items.map { item in
            """
            <item><title>\(item.title)</title><link>https://chipwire.example/\(item.guid)</link><guid>\(item.guid)</guid>
            <pubDate>Tue, 09 Sep 2025 10:00:00 GMT</pubDate><description>\(item.title). Nvidia said the GPU ships in October.</description></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>\(channel)</title><link>https://chipwire.example/</link><description>News</description>
            \(entries.joined(separator: "\n"))
            </channel></rss>

            """
    }

    static let two = rss([("chip-1", "Nvidia ships the H20 again"), ("chip-2", "Huawei shows a new Ascend part")])
}
