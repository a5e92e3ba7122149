/// Inline Markdown being assembled for one paragraph: HTML whitespace collapsed, text escaped, and the spaces
/// and breaks at its edges held back so emphasis and links can wrap it without swallowing them.
struct InlineRun {
    enum LineBreak { case soft, hard }

    private(set) var body = ""
    /// Whitespace came before any content.
    private(set) var leadingSpace = false
    /// Whitespace came after the last content; written only if more content follows.
    private(set) var trailingSpace = false
    /// A break after the last content; like a space, written only if more content follows.
    private(set) var pendingBreak: LineBreak?
    /// Headings and table cells are one line: breaks become spaces.
    let singleLine: Bool

    init(singleLine: Bool = false) {
        self.singleLine = singleLine
    }

    var isEmpty: Bool { body.isEmpty }
    var endsWithHardBreak: Bool { pendingBreak == .hard }

    mutating func appendText(_ text: String) {
        let utf8 = text.utf8
        var wordStart: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            switch utf8[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                if let start = wordStart { appendMarkup(MarkdownEscaping.text(text[start..<index])) }
                wordStart = nil
                markSpace()
            default:
                if wordStart == nil { wordStart = index }
            }
            index = utf8.index(after: index)
        }
        if let start = wordStart { appendMarkup(MarkdownEscaping.text(text[start...])) }
    }

    mutating func markSpace() {
        if body.isEmpty { leadingSpace = true } else { trailingSpace = true }
    }

    /// Markup already in Markdown form (a code span, a link, escaped text).
    mutating func appendMarkup(_ markup: String) {
        guard !markup.isEmpty else { return }
        if !body.isEmpty {
            switch pendingBreak {
            case .hard: body += "\\\n"
            case .soft: body += "\n"
            case nil: if trailingSpace { body += " " }
            }
        }
        pendingBreak = nil
        trailingSpace = false
        body += markup
    }

    /// `inner` wrapped in `open`/`close` (`*…*`, `[…](url)`), its edge spaces and breaks kept outside.
    mutating func append(_ inner: InlineRun, open: String = "", close: String = "") {
        if inner.leadingSpace { markSpace() }
        if !inner.body.isEmpty { appendMarkup(open + inner.body + close) }
        if inner.trailingSpace { markSpace() }
        if let lineBreak = inner.pendingBreak { appendBreak(lineBreak) }
    }

    mutating func appendBreak(_ lineBreak: LineBreak) {
        guard !body.isEmpty else { return }
        if singleLine {
            trailingSpace = true
        } else if pendingBreak != .hard {
            pendingBreak = lineBreak
        }
    }

    mutating func dropPendingBreak() {
        pendingBreak = nil
    }

    /// The paragraph's text with line-start markers escaped; nil when there is nothing to show.
    func paragraph() -> String? {
        guard !body.isEmpty else { return nil }
        return body.split(separator: "\n", omittingEmptySubsequences: false)
            .map(MarkdownEscaping.lineStart).joined(separator: "\n")
    }

    /// The text as an ATX heading's content (build it with `singleLine`): a trailing `#` is escaped so it
    /// does not read as a closing sequence.
    func heading() -> String? {
        guard !body.isEmpty else { return nil }
        let hashes = body.reversed().prefix { $0 == "#" }.count
        return hashes == 0 ? body : String(body.dropLast(hashes)) + "\\" + String(repeating: "#", count: hashes)
    }
}
