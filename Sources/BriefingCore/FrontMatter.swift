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
        // Only the front matter is split into lines: bodies can be long and are kept as one slice.
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        // "\r\n" is one Character in Swift, so files saved with Windows line endings need it named too.
        let isLineBreak: (Character) -> Bool = { $0 == "\n" || $0 == "\r\n" }
        let firstEnd = rest.firstIndex(where: isLineBreak) ?? rest.endIndex
        guard rest[..<firstEnd].trimmingTrailingWhitespace == "---" else {
            throw ContentProblem(
                file: file, line: 1, column: 1, message: "the file does not start with front matter",
                fix: "begin the file with a line '---', the YAML fields, and another '---'")
        }
        var yamlLines: [Substring] = []
        var cursor = firstEnd < rest.endIndex ? rest.index(after: firstEnd) : rest.endIndex
        while cursor < rest.endIndex {
            let lineEnd = rest[cursor...].firstIndex(where: isLineBreak) ?? rest.endIndex
            let line = rest[cursor..<lineEnd]
            let next = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
            if line.trimmingTrailingWhitespace == "---" {
                let fields = try FrontMatterFields.parse(yaml: yamlLines.joined(separator: "\n"), file: file, firstLine: 2)
                return FrontMatter(fields: fields, body: String(rest[next...]), bodyLine: yamlLines.count + 3)
            }
            yamlLines.append(line)
            cursor = next
        }
        throw ContentProblem(
            file: file, line: 1, column: 1, message: "the front matter is never closed",
            fix: "add a line '---' after the last YAML field")
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }
}
