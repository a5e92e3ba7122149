/// The byte-level checks every source document goes through before a parser sees it, whether read from a
/// file or handed over in memory: size, byte-order mark, blank input, UTF-8 repair. The one place for them.
public enum SourceInput {
    /// Sources larger than this are refused (a file before it is read). A feed is a window of recent items;
    /// a parsed XML tree costs several times the file, so the cap bounds memory and time (a 64 MiB feed parses in seconds).
    public static let maximumByteCount = 64 * 1024 * 1024

    static func checkSize(_ count: Int, file: String) throws(IngestError) {
        guard count <= maximumByteCount else {
            throw IngestError(
                file: file,
                message: "the file is \(megabytes(count)) MB; feeds larger than \(maximumByteCount >> 20) MiB are refused",
                fix: "fetch a shorter window of the feed (fewer items) or split the file")
        }
        guard count > 0 else {
            throw IngestError(file: file, message: "the file is empty", fix: "download the feed again")
        }
    }

    /// The bytes without a UTF-8 byte-order mark and leading whitespace; refused when nothing is left.
    static func content(of bytes: [UInt8], file: String) throws(IngestError) -> ArraySlice<UInt8> {
        try checkSize(bytes.count, file: file)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, isASCIIWhitespace(bytes[start]) { start += 1 }
        guard start < bytes.count else {
            throw IngestError(file: file, message: "the file is empty (only whitespace)", fix: "download the feed again")
        }
        return bytes[start...]
    }

    static func checkNotBlank(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(IngestError) {
        guard bytes.contains(where: { !isASCIIWhitespace($0) }) else {
            throw IngestError(file: file, message: "the file is empty (only whitespace)", fix: "download the feed again")
        }
    }

    /// The bytes after a UTF-8 byte-order mark, if there is one.
    static func droppingUTF8BOM(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[3...])
    }

    /// Whether the document is UTF-8 as far as its prolog says: no UTF-16/32 signature and no other
    /// `encoding=` in the XML declaration. Only then may invalid bytes be repaired as UTF-8.
    static func isDeclaredUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0 || bytes[1] == 0 || bytes[0] == 0xFE || bytes[0] == 0xFF) { return false }
        let prolog = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard prolog.hasPrefix("<?xml"), let end = prolog.range(of: "?>") else { return true }
        let declaration = prolog[..<end.lowerBound].lowercased()
        guard let key = declaration.range(of: "encoding") else { return true }
        let value = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
    }

    /// UTF-8 with every invalid sequence replaced by U+FFFD and the characters XML 1.0 forbids
    /// (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) removed.
    static func repairedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let decoded = String(decoding: bytes, as: UTF8.self)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pending: [UInt8] = []
        for byte in decoded.utf8 {
            // A valid UTF-8 string encodes U+FFFE/U+FFFF as EF BF BE/BF: hold EF BF until the third byte shows.
            if !pending.isEmpty {
                pending.append(byte)
                if pending.count == 2 {
                    if byte != 0xBF { output += pending; pending = [] }
                    continue
                }
                output += (byte == 0xBE || byte == 0xBF) ? [0xEF, 0xBF, 0xBD] : pending
                pending = []
                continue
            }
            if byte == 0xEF { pending = [byte]; continue }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { continue }
            output.append(byte)
        }
        output += pending
        return output
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func megabytes(_ count: Int) -> String {
        let tenths = (count * 10 + 500_000) / 1_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
