/// JSON written by the build (the search index, JSON-LD), with object keys in the order given so output is deterministic.
///
/// The text is safe inside an HTML `<script>` element: `<`, `>` and `&` are written as `\u003c`, `\u003e`
/// and `\u0026`, so a title holding `</script>` cannot end the element early. The JSON means the same.
enum JSONText: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
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
        // Runs that need no escape are copied whole: the search index is megabytes of plain ASCII, and appending
        // it a scalar at a time was most of what fingerprinting its shards cost. Runs are cut by scalars, never
        // by `Character`s: a String subscript would round a quote followed by a combining mark back into the run.
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
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
                let second = utf8.index(after: index)
                if second != utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    if third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                        escape = unicodeEscape(0x2000 + UInt32(utf8[third] & 0x3F))
                        length = 3
                    }
                }
            default: break
            }
            if let escape {
                out += Substring(text.unicodeScalars[runStart..<index])
                out += escape
                index = utf8.index(index, offsetBy: length)
                runStart = index
            } else {
                index = utf8.index(after: index)
            }
        }
        out += Substring(text.unicodeScalars[runStart..<utf8.endIndex])
        out += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
