import Foundation

/// A fetched body's encoding and kind, decided as feed readers do: a byte-order mark first, then the XML
/// declaration's `encoding`, then the `Content-Type` charset, else UTF-8.
///
/// The declaration wins over the header because it travels with the document and is written by the feed
/// software, while a server's charset is often a site-wide default. Ingest (libxml2) reads the BOM and the
/// declaration itself; only an encoding known from the header alone needs transcoding here.
public enum FeedCharset {
    /// The body as ingest should see it: transcoded to UTF-8 when only the header named its encoding.
    public static func normalised(_ bytes: [UInt8], contentType: String?) -> [UInt8] {
        if hasByteOrderMark(bytes) || declaredEncoding(bytes) != nil { return bytes }
        guard let name = contentType.flatMap(charset(in:)), let encoding = encoding(named: name), encoding != .utf8 else { return bytes }
        // Bytes windows-1252 leaves undefined still decode as ISO-8859-1.
        guard let text = String(data: Data(bytes), encoding: encoding)
            ?? (encoding == .windowsCP1252 ? String(data: Data(bytes), encoding: .isoLatin1) : nil) else { return bytes }
        return Array(text.utf8)
    }

    /// The `charset` parameter of a `Content-Type`, lower-cased and unquoted.
    public static func charset(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
        }
        return nil
    }

    /// The `encoding` of an `<?xml …?>` declaration at the very start, if it names one.
    public static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = bytes.prefix(200).firstIndex(of: UInt8(ascii: ">")) ?? min(bytes.count, 200)
        let declaration = String(decoding: bytes[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : value.lowercased()
    }

    static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
    }

    /// The encodings Foundation decodes on every platform; an unknown name leaves the bytes as they are.
    static func encoding(named name: String) -> String.Encoding? {
        switch name {
        case "utf-8", "utf8": return .utf8
        // Browsers and feed readers read both as windows-1252, a superset that also maps the C1 range.
        case "iso-8859-1", "latin1", "iso_8859-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252": return .windowsCP1252
        case "iso-8859-2", "latin2": return .isoLatin2
        case "utf-16": return .utf16
        case "utf-16le": return .utf16LittleEndian
        case "utf-16be": return .utf16BigEndian
        case "shift_jis", "shift-jis", "sjis": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        default: return nil
        }
    }

    /// True when the body is an HTML page rather than a feed: what a site's home page URL gives.
    public static func isWebPage(_ bytes: [UInt8]) -> Bool {
        var text = String(decoding: bytes.prefix(2048), as: UTF8.self).drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        // An XML declaration or comments may come first (XHTML pages).
        while text.hasPrefix("<?") || text.hasPrefix("<!--") {
            let close = text.hasPrefix("<?") ? "?>" : "-->"
            guard let end = text.range(of: close) else { return false }
            text = text[end.upperBound...].drop { $0.isWhitespace }
        }
        let start = text.prefix(14).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head")
    }
}
