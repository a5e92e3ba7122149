import CLibXML2

/// The inline half of `MarkdownWriter`: text, links, emphasis, code spans and line breaks inside a paragraph.
extension MarkdownWriter {
    func appendInline(_ node: LibXMLNode, to run: inout InlineRun, context: Context) {
        switch node.pointer.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointer.pointee.content { run.appendText(String(cString: content)) }
            return
        case XML_ELEMENT_NODE:
            break
        default:
            return
        }
        let name = node.htmlName
        let role = HTMLRole(name)
        guard role != .dropped else { return }
        guard context.depth < MarkdownWriter.maximumDepth else {
            run.appendText(HTMLConverter.visibleText(of: node))
            return
        }
        switch name {
        case "br":
            run.appendBreak(.hard)
        case "a":
            appendLink(node, to: &run, context: context)
        case "em", "i", "cite", "dfn", "var":
            var inner = context.deeper
            inner.emphasis = true
            appendStyled(node, delimiter: context.emphasis ? "" : "*", to: &run, context: inner)
        case "strong", "b":
            var inner = context.deeper
            inner.strong = true
            appendStyled(node, delimiter: context.strong ? "" : "**", to: &run, context: inner)
        case "code", "kbd", "samp", "tt":
            let text = HTMLConverter.visibleText(of: node)
            let code = FeedText.collapsed(text)
            if text.first?.isWhitespace == true { run.markSpace() }
            if !code.isEmpty { run.appendMarkup(MarkdownEscaping.codeSpan(code)) }
            if text.last?.isWhitespace == true { run.markSpace() }
        case _ where role == .block:
            // A block inside inline content (<a><div>…</div></a>): its text, set apart by spaces.
            run.markSpace()
            appendChildren(of: node, to: &run, context: context.deeper)
            run.markSpace()
        default:
            appendChildren(of: node, to: &run, context: context.deeper)
        }
    }

    func appendChildren(of node: LibXMLNode, to run: inout InlineRun, context: Context) {
        for child in node.children {
            appendInline(child, to: &run, context: context)
        }
    }

    /// The link text, linked only when `href` is a safe URL that can be made absolute, and not inside another link.
    private func appendLink(_ node: LibXMLNode, to run: inout InlineRun, context: Context) {
        var inner = InlineRun(singleLine: run.singleLine)
        var innerContext = context.deeper
        innerContext.link = true
        appendChildren(of: node, to: &inner, context: innerContext)
        guard !context.link, let url = FeedLink.resolve(node.attribute("href"), against: baseURL) else {
            run.append(inner)
            return
        }
        run.append(inner, open: "[", close: "](\(MarkdownEscaping.destination(url)))")
    }

    /// `*…*` or `**…**` around the children; an empty delimiter when the style is already on (`<b><b>`).
    private func appendStyled(_ node: LibXMLNode, delimiter: String, to run: inout InlineRun, context: Context) {
        var inner = InlineRun(singleLine: run.singleLine)
        appendChildren(of: node, to: &inner, context: context)
        run.append(inner, open: delimiter, close: delimiter)
    }
}
