import Foundation

/// A scratch folder to serve, beside a secret file that must never be served.
struct ServedFolder {
    let base: URL
    var root: URL { base.appendingPathComponent("public") }
    static let secret = "the secret outside the served folder"

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base.appendingPathComponent("public"), withIntermediateDirectories: true)
        try write("../secret.txt", Self.secret)
        try write("../private/secret.txt", Self.secret)
    }

    /// Writes a file relative to the served folder (`../x` lands beside it).
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path).standardizedFileURL
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func link(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: destination)
    }
}
