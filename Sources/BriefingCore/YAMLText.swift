/// Text written into YAML front matter by the tools that write content files (ingest, `briefing new`).
public enum YAMLText {
    /// A double-quoted YAML scalar: no text can change the YAML's shape, whatever it holds.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                // C0 and C1 controls, DEL and the BOM are not printable YAML: a file holding one would not load.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF || scalar.value >= 0xFFFE && scalar.value <= 0xFFFF {
                    result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
