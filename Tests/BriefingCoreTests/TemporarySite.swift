import Foundation

/// A site folder in the temporary directory, written file by file for a test.
struct TemporarySite {
    let directory: URL

    init(_ files: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// A valid brief file's text with the given front matter lines replacing the defaults.
    static func brief(title: String = "A brief", date: String = "2025-09-09T10:00:00Z", extra: String = "", body: String = "Body.") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\n\(extra)---\n\(body)\n"
    }

    static func company(_ name: String, aliases: [String] = []) -> String {
        "---\nname: \(name)\naliases: [\(aliases.joined(separator: ", "))]\n---\nProfile of \(name).\n"
    }

    static func topic(_ name: String) -> String { "---\nname: \(name)\ndescription: About \(name).\n---\nIntro.\n" }
}
