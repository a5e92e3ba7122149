import Foundation

/// `briefing serve` running as a child process on a free port, stopped when this goes away.
final class ServeProcess {
    let process = Process()
    let port: UInt16
    private let output = Pipe()
    private let errors = Pipe()
    private var errorText = ""

    /// The `briefing` executable that `swift build` put beside the tests.
    static var executable: URL? {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("briefing"),
            repository.appendingPathComponent(".build/debug/briefing"),
        ].first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts the server and waits for the line that says where it listens.
    init(binary: URL, site: URL, startup: Duration = .seconds(60)) throws {
        process.executableURL = binary
        process.arguments = ["serve", "--site", site.path, "--port", "0", "--jobs", "2"]
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = ContinuousClock.now + startup
        var text = ""
        while true {
            if let match = text.firstMatch(of: /Serving http:\/\/127\.0\.0\.1:(\d+)\//), let port = UInt16(match.1) {
                self.port = port
                return
            }
            guard let chunk = try readBytes(from: output.fileHandleForReading.fileDescriptor, until: deadline) else {
                throw LoopbackHTTP.Failure.malformed("serve ended before it listened: \(text)")
            }
            text += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// Reads what the server wrote to standard error until `text` appears in it.
    func waitForError(containing text: String, within timeout: Duration) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while !errorText.contains(text) {
            guard let chunk = try readBytes(from: errors.fileHandleForReading.fileDescriptor, until: deadline) else { break }
            errorText += String(decoding: chunk, as: UTF8.self)
        }
        return errorText
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}
