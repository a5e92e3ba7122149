/// JSON written by the build (the search index, JSON-LD), with object keys in the order given so output is deterministic.
///
/// The text is safe inside an HTML `<script>` element: `<`, `>` and `&` are written as `\u003c`, `\u003e`
/// and `\u0026`, so a title holding `</script>` cannot end the element early. The JSON means the same.
enum JSONText: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    /// A string the caller knows holds no character that JSON or HTML would escape (the search postings' URL-safe
    /// Base64 alphabet): written between quotes as it is, without being scanned.
    case unescaped(String)
    case array([JSONText])
    case object([(String, JSONText)])

    /// An optional string that is left out by `object(dropping:)` when absent.
    init(_ string: String?) { self = string.map(JSONText.string) ?? .null }

    /// An object without the members whose value is null or an empty array: optional fields stay out of the output.
    static func object(dropping members: [(String, JSONText)]) -> JSONText {
        .object(members.filter { !$0.1.isAbsent })
    }

    private var isAbsent: Bool {
        switch self {
        case .null: true
        case .array(let items): items.isEmpty
        default: false
        }
    }

    /// Compact JSON text.
    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): JSONText.quote(value, into: &out)
        case .unescaped(let value): out += "\"" + value + "\""
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONText.quote(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Runs that need no escape are copied whole, found in the text's bytes: the search index is megabytes of
        // plain ASCII, and appending it a scalar at a time (then walking it by String index) was most of what
        // fingerprinting and rendering its shards cost. Runs end only before an ASCII byte or a whole line
        // separator, so each is valid UTF-8 on its own.
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Most bytes: none that may be escaped, nor the first byte of a line separator.
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2 else {
                    index += 1
                    continue
                }
                var escape: String?
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                // HTML-significant characters, and the two line separators JavaScript once refused in strings.
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): escape = unicodeEscape(UInt32(byte))
                case 0..<0x20: escape = unicodeEscape(UInt32(byte))
                case 0xE2:
                    if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                        escape = unicodeEscape(0x2000 + UInt32(bytes[index + 2] & 0x3F))
                        length = 3
                    }
                default: break
                }
                if let escape {
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                    out += escape
                    index += length
                    runStart = index
                } else {
                    index += 1
                }
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]), as: UTF8.self)
        }
        out += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
