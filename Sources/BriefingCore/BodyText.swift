import Foundation
import Synchronization

/// A brief's Markdown body: either in memory, or left in its file until a page first needs it.
///
/// A build that reuses parsed content (see `ParsedContent`) usually shows a handful of bodies; reading all
/// ten thousand of them into memory first was the largest part of such a build.
final class BodyText: Sendable {
    private let file: String?
    private let offset: Int
    private let text: Mutex<String?>

    init(_ text: String) {
        file = nil
        offset = 0
        self.text = Mutex(text)
    }

    /// The bytes of `file` from `offset` to its end, read on first use.
    init(file: String, offset: Int) {
        self.file = file
        self.offset = offset
        text = Mutex(nil)
    }

    /// Whether the body was read from its file during this build (rather than parsed with its front matter).
    var wasReadFromFile: Bool { file != nil && text.withLock { $0 != nil } }

    var value: String {
        text.withLock { text in
            if let text { return text }
            let read = readFromFile()
            text = read
            return read
        }
    }

    private func readFromFile() -> String {
        // The caller vouched that the file is unchanged since it was parsed; if it vanished since, the
        // next build sees that and rebuilds, so an empty body here is never kept.
        guard let file, let handle = FileHandle(forReadingAtPath: file) else { return "" }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil, let data = try? handle.readToEnd() else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
