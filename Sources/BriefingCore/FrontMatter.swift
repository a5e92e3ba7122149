import Yams

/// A content file split into its YAML front matter and its Markdown body.
public struct FrontMatter {
    /// The parsed YAML mapping; each value keeps its line for error messages.
    public var fields: FrontMatterFields
    public var body: String
    /// The line of the file on which the body starts (1-based).
    public var bodyLine: Int

    /// Splits `text` at the `---` fences and parses the YAML between them.
    public static func parse(_ text: String, file: String) throws(ContentProblem) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmingTrailingWhitespace == "---" else {
            throw ContentProblem(
                file: file, line: 1, column: 1, message: "the file does not start with front matter",
                fix: "begin the file with a line '---', the YAML fields, and another '---'")
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingWhitespace == "---" }) else {
            throw ContentProblem(
                file: file, line: 1, column: 1, message: "the front matter is never closed",
                fix: "add a line '---' after the last YAML field")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        let fields = try FrontMatterFields.parse(yaml: yaml, file: file, firstLine: 2)
        return FrontMatter(fields: fields, body: body, bodyLine: closing + 2)
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }
}
