/// The text of one template as UTF-8 bytes, with what is needed to point at a place in it.
struct TemplateSource {
    let name: String
    let path: String?
    let bytes: [UInt8]

    init(name: String, path: String?, text: String) {
        self.name = name
        self.path = path
        self.bytes = Array(text.utf8)
    }

    /// 1-based line and column of a byte offset. Columns count characters (Unicode scalars), not bytes,
    /// so they match what an editor shows. Only computed when reporting an error.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        var column = 1
        for index in lineStart..<min(offset, bytes.count) where bytes[index] & 0b1100_0000 != 0b1000_0000 {
            column += 1
        }
        return (line, column)
    }

    /// "line 4 column 3", for messages that mention a second place.
    func describePlace(_ offset: Int) -> String {
        let (line, column) = lineAndColumn(of: offset)
        return "line \(line) column \(column)"
    }

    /// The source text of a range, such as a tag as written, for quoting in messages.
    func text(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    func error(_ kind: TemplateError.Kind, at offset: Int, _ message: String) -> TemplateError {
        let (line, column) = lineAndColumn(of: offset)
        return TemplateError(kind: kind, template: name, path: path, line: line, column: column, message: message)
    }
}
