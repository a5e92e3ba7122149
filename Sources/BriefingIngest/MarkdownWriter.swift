/// Renders a parsed HTML tree as CommonMark that shows the same text and cannot produce raw HTML or unsafe links.
struct MarkdownWriter {
    /// Relative links in the HTML are resolved against this; without it they are dropped (text kept).
    let baseURL: String?

    /// Deeper nesting is written as plain text: real content never gets there, and it bounds recursion.
    static let maximumDepth = 40

    struct Block {
        enum Kind { case paragraph, list, other }
        var kind: Kind
        var text: String
    }

    /// Where a node sits: inside which inline styles (so `<em><em>` is not `**`), how deep.
    struct Context {
        var emphasis = false
        var strong = false
        var link = false
        var depth = 0

        var deeper: Context {
            var context = self
            context.depth += 1
            return context
        }
    }

    func markdown(of root: LibXMLNode) -> String {
        MarkdownWriter.joined(blocks(of: root.children, context: Context()))
    }

    /// Plain text (JSON Feed `content_text`, Atom `type="text"`) as paragraphs; blank lines separate them.
    static func markdown(fromPlainText text: String) -> String {
        var blocks: [Block] = []
        var run = InlineRun()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if let paragraph = run.paragraph() { blocks.append(Block(kind: .paragraph, text: paragraph)) }
                run = InlineRun()
            } else {
                run.appendBreak(.soft)
                run.appendText(String(line))
            }
        }
        if let paragraph = run.paragraph() { blocks.append(Block(kind: .paragraph, text: paragraph)) }
        return joined(blocks)
    }

    static func joined(_ blocks: [Block]) -> String {
        blocks.map(\.text).joined(separator: "\n\n")
    }

    /// Block-level Markdown for a sequence of nodes: runs of inline content become paragraphs.
    func blocks(of nodes: [LibXMLNode], context: Context) -> [Block] {
        var blocks: [Block] = []
        var run = InlineRun()
        func flush() {
            if let paragraph = run.paragraph() { blocks.append(Block(kind: .paragraph, text: paragraph)) }
            run = InlineRun()
        }
        for node in nodes {
            guard node.isElement else {
                appendInline(node, to: &run, context: context)
                continue
            }
            switch HTMLRole(node.htmlName) {
            case .dropped:
                continue
            case .inline where node.htmlName == "br" && run.endsWithHardBreak:
                // Two breaks in a row are how much feed HTML separates paragraphs.
                run.dropPendingBreak()
                flush()
            case .inline:
                appendInline(node, to: &run, context: context)
            case .block:
                flush()
                blocks += block(node, context: context.deeper)
            }
        }
        flush()
        return blocks
    }

    private func block(_ node: LibXMLNode, context: Context) -> [Block] {
        guard context.depth < MarkdownWriter.maximumDepth else { return plainParagraph(node) }
        switch node.htmlName {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            var run = InlineRun(singleLine: true)
            appendChildren(of: node, to: &run, context: context)
            guard let text = run.heading(), let level = Int(node.htmlName.dropFirst()) else { return [] }
            return [Block(kind: .other, text: String(repeating: "#", count: level) + " " + text)]
        case "ul", "menu", "dir":
            return list(node.children, ordered: false, start: 1, context: context)
        case "ol":
            let start = node.attribute("start").flatMap { Int($0.filter { !$0.isWhitespace }) } ?? 1
            return list(node.children, ordered: true, start: min(max(start, 0), 999_999_999), context: context)
        case "li":
            return list([node], ordered: false, start: 1, context: context)
        case "blockquote":
            let inner = MarkdownWriter.joined(blocks(of: node.children, context: context))
            guard !inner.isEmpty else { return [] }
            let quoted = inner.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }
            return [Block(kind: .other, text: quoted.joined(separator: "\n"))]
        case "pre", "listing", "xmp", "plaintext":
            return codeBlock(node)
        case "hr":
            return [Block(kind: .other, text: "---")]
        case "tr":
            var run = InlineRun(singleLine: true)
            for cell in node.childElements where cell.htmlName == "td" || cell.htmlName == "th" {
                var cellRun = InlineRun(singleLine: true)
                appendChildren(of: cell, to: &cellRun, context: context)
                guard !cellRun.isEmpty else { continue }
                if !run.isEmpty {
                    run.markSpace()
                    run.appendMarkup("|")
                    run.markSpace()
                }
                run.append(cellRun)
            }
            return run.paragraph().map { [Block(kind: .paragraph, text: $0)] } ?? []
        default:
            return blocks(of: node.children, context: context)
        }
    }

    /// A list; items that are not `<li>` (text, a stray nested list) are kept, a nested list joining the item before.
    private func list(_ nodes: [LibXMLNode], ordered: Bool, start: Int, context: Context) -> [Block] {
        var items: [[Block]] = []
        for node in nodes {
            if node.isElement, node.htmlName == "li" {
                items.append(blocks(of: node.children, context: context.deeper))
            } else if node.isElement, ["ul", "ol"].contains(node.htmlName), !items.isEmpty {
                items[items.count - 1] += block(node, context: context.deeper)
            } else {
                items.append(blocks(of: [node], context: context.deeper))
            }
        }
        items.removeAll(where: \.isEmpty)
        guard !items.isEmpty else { return [] }
        let loose = items.contains { item in item.filter { $0.kind != .list }.count > 1 }
        let rendered = items.enumerated().map { index, item in
            MarkdownWriter.listItem(item, marker: ordered ? "\(start + index). " : "- ")
        }
        return [Block(kind: .list, text: rendered.joined(separator: loose ? "\n\n" : "\n"))]
    }

    private static func listItem(_ blocks: [Block], marker: String) -> String {
        var text = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 { text += block.kind == .list ? "\n" : "\n\n" }
            text += block.text
        }
        let indent = String(repeating: " ", count: marker.count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 ? marker + line : line.isEmpty ? "" : indent + line
        }.joined(separator: "\n")
    }

    private func codeBlock(_ node: LibXMLNode) -> [Block] {
        let text = HTMLConverter.visibleText(of: node, preformatted: true)
        var code = String(text.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
        // HTML ignores a newline right after <pre>.
        if code.hasPrefix("\n") { code.removeFirst() }
        while code.last?.isWhitespace == true { code.removeLast() }
        guard !code.allSatisfy(\.isWhitespace) else { return [] }
        let fence = MarkdownEscaping.codeFence(for: code)
        let language = codeLanguage(node)
        return [Block(kind: .other, text: "\(fence)\(language)\n\(code)\n\(fence)")]
    }

    /// `class="language-swift"` (on `<pre>` or its `<code>`) → `swift`; only letters, digits and `+-_.#`.
    private func codeLanguage(_ node: LibXMLNode) -> String {
        let classes = ([node] + node.childElements.filter { $0.htmlName == "code" })
            .compactMap { $0.attribute("class") }.flatMap { $0.split(separator: " ") }
        for name in classes {
            for prefix in ["language-", "lang-"] where name.hasPrefix(prefix) {
                let language = name.dropFirst(prefix.count)
                if !language.isEmpty, language.count <= 32,
                   language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-_.#".contains($0)) }) {
                    return String(language)
                }
            }
        }
        return ""
    }

    private func plainParagraph(_ node: LibXMLNode) -> [Block] {
        var run = InlineRun()
        run.appendText(HTMLConverter.visibleText(of: node))
        return run.paragraph().map { [Block(kind: .paragraph, text: $0)] } ?? []
    }
}
