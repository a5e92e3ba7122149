import Foundation

/// Reads a source document from disk, tells its format from its content and hands it to the right parser.
public enum SourceReader {
    /// Larger files are refused before they are read: no real feed comes near it, and parsing must stay bounded.
    public static let maximumSize = 64 * 1024 * 1024

    public static func read(_ url: URL, displayName: String? = nil) throws(IngestError) -> SourceDocument {
        let file = displayName ?? url.path
        return try parse(bytes(of: url, displayName: file), file: file)
    }

    /// The file's bytes, refused before reading when it is over `maximumSize`.
    public static func bytes(of url: URL, displayName: String? = nil) throws(IngestError) -> [UInt8] {
        let file = displayName ?? url.path
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else {
            throw IngestError(file: file, message: "cannot read the file", fix: "check the path and its permissions")
        }
        guard size <= maximumSize else {
            throw IngestError(
                file: file, message: "the file is \(size / 1_048_576) MiB, over the \(maximumSize / 1_048_576) MiB limit for a source document",
                fix: "split it into smaller feeds")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw IngestError(file: file, message: "cannot read the file", fix: "check the path and its permissions")
        }
        return Array(data)
    }

    /// Detects the format and parses; anything unrecognised is an error that says what was expected.
    public static func parse(_ bytes: [UInt8], file: String) throws(IngestError) -> SourceDocument {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else {
            throw IngestError(file: file, message: "the file is empty", fix: "pass a feed (RSS, Atom, JSON Feed) or a digest")
        }
        let content = Array(bytes[start...])
        switch content[0] {
        case UInt8(ascii: "<"):
            return try XMLFeedParser.parse(content, file: file)
        case UInt8(ascii: "{"):
            return try JSONFeedParser.parse(content, file: file)
        default:
            // Text forms: invalid UTF-8 is repaired with replacement characters rather than refused.
            let text = String(decoding: content, as: UTF8.self)
            if looksLikeDigest(text) { return try DigestParser.parse(text, file: file) }
            if looksLikeFlattenedFeed(text) { return try FlattenedFeedParser.parse(text, file: file) }
            throw IngestError(
                file: file, line: 1, message: "not a format ingest reads",
                fix: "expected RSS 2.0, RSS 1.0 (RDF) or Atom XML, JSON Feed, a flattened feed text or a story-cluster digest")
        }
    }

    /// A digest has "N articles • …" lines and "Key Points" headings.
    static func looksLikeDigest(_ text: String) -> Bool {
        text.contains("Key Points") && text.split(separator: "\n").contains { DigestParser.countLine($0) != nil }
    }

    /// A flattened WordPress feed keeps each post's "appeared first on" line and its CDATA terminators.
    static func looksLikeFlattenedFeed(_ text: String) -> Bool {
        text.contains("appeared first on") && text.contains("]]>")
    }
}
