import Foundation

/// A scratch site folder and output folder for one build test.
struct BuildTestSite {
    let directory: URL
    var output: URL { directory.appendingPathComponent("public") }

    /// The repository root: its content/ and templates/ are the example site.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `briefing` executable built beside the tests, for tests that run it as a process.
    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("briefing"),
            repository.appendingPathComponent(".build/debug/briefing"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    init(_ files: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of the example site (briefing.yml and content/, not templates/: the default theme is compiled in).
    static func example() throws -> BuildTestSite {
        let site = try BuildTestSite()
        for item in ["briefing.yml", "content"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: site.directory.appendingPathComponent(item))
        }
        return site
    }

    func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? {
        (try? Data(contentsOf: output.appendingPathComponent(path))).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Every file under the output folder with its bytes.
    func snapshot() -> [String: Data] {
        let paths = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        var files: [String: Data] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            let url = output.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try? Data(contentsOf: url)
            }
        }
        return files
    }
}
