import Foundation

/// Reads a source document from disk, tells its format from its content and hands it to the right parser.
public enum SourceReader {
    public static func read(_ url: URL, displayName: String? = nil) throws(IngestError) -> SourceDocument {
        let file = displayName ?? url.path
        return try parse(bytes(of: url, displayName: file), file: file)
    }

    /// The file's bytes, refused before reading when it is over `SourceInput.maximumByteCount`.
    public static func bytes(of url: URL, displayName: String? = nil) throws(IngestError) -> [UInt8] {
        let file = displayName ?? url.path
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else {
            throw IngestError(file: file, message: "cannot read the file", fix: "check the path and its permissions")
        }
        try SourceInput.checkSize(size, file: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw IngestError(file: file, message: "cannot read the file", fix: "check the path and its permissions")
        }
        return Array(data)
    }

    /// Detects the format and parses; anything unrecognised is an error that says what was expected.
    public static func parse(_ bytes: [UInt8], file: String) throws(IngestError) -> SourceDocument {
        try SourceInput.checkSize(bytes.count, file: file)
        let content = try SourceInput.content(of: SourceEncoding.normalised(bytes), file: file)
        switch content[content.startIndex] {
        case UInt8(ascii: "<"):
            return try XMLFeedParser.parse(Array(content), file: file)
        case UInt8(ascii: "{"):
            return try JSONFeedParser.parse(Array(content), file: file)
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
