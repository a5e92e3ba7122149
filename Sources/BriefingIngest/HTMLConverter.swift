import CLibXML2

/// Converts untrusted feed HTML into safe Markdown or plain text, through libxml2's HTML parser.
public enum HTMLConverter {
    /// CommonMark for `html`: paragraphs, nested lists, links, emphasis, blockquotes, headings, code and line
    /// breaks survive; scripts, styles, embedded objects, forms, images and every attribute but `href` are dropped;
    /// links with a scheme other than http(s), mailto or ftp lose the link and keep the text. Relative links are
    /// resolved against `baseURL` (or dropped when there is none). Text is escaped so it cannot become markup.
    public static func markdown(fromHTML html: String, baseURL: String?) -> String {
        withParsedHTML(html) { root in MarkdownWriter(baseURL: baseURL).markdown(of: root) } ?? ""
    }

    /// The visible text of `html` on one line, whitespace collapsed, entities decoded: for summaries and titles.
    public static func plainText(fromHTML html: String) -> String {
        withParsedHTML(html) { root in FeedText.collapsed(visibleText(of: root)) } ?? ""
    }

    static func markdownAndPlainText(fromHTML html: String, baseURL: String?) -> (markdown: String, plainText: String) {
        withParsedHTML(html) { root in
            (MarkdownWriter(baseURL: baseURL).markdown(of: root), FeedText.collapsed(visibleText(of: root)))
        } ?? ("", "")
    }

    private static let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)

    private static func withParsedHTML<T>(_ html: String, _ body: (LibXMLNode) -> T) -> T? {
        _ = LibXMLParser.initialised
        var html = html
        return html.withUTF8 { buffer -> T? in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count <= Int32.max else { return nil }
            // The encoding is given, not guessed: the string is UTF-8 whatever a <meta charset> inside says.
            let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
            guard let document else { return nil }
            defer { xmlFreeDoc(document) }
            guard let root = xmlDocGetRootElement(document) else { return nil }
            return body(LibXMLNode(pointer: root))
        }
    }

    /// The text of every node outside dropped elements, with a space where blocks and breaks separate it
    /// (`preformatted`: only a newline for each `<br>`). Iterative, so no nesting depth can exhaust the stack.
    static func visibleText(of root: LibXMLNode, preformatted: Bool = false) -> String {
        var text = ""
        // The root's own role does not count: a <pre> or <code> is asked for what is inside it.
        var stack = LibXMLNode.childPointers(of: root.pointer).reversed().map { (node: $0, closing: false) }
        while let (node, closing) = stack.popLast() {
            if closing {
                text += " "
                continue
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { text += String(cString: content) }
            case XML_ELEMENT_NODE:
                let name = LibXMLNode(pointer: node).htmlName
                let role = HTMLRole(name)
                guard role != .dropped else { continue }
                if preformatted {
                    if name == "br" { text += "\n" }
                } else if role == .block || name == "br" || name == "td" || name == "th" {
                    text += " "
                    stack.append((node, true))
                }
                stack += LibXMLNode.childPointers(of: node).reversed().map { ($0, false) }
            default:
                continue
            }
        }
        return text
    }
}

extension LibXMLNode {
    /// The element name the converters go by: lowercase, without a prefix (`xhtml:p` in Atom XHTML content is `p`).
    var htmlName: String {
        let name = localName.lowercased()
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

/// How the converters treat an HTML element.
enum HTMLRole: Equatable {
    /// Never shown, content included: code, styling, embedded and interactive content, images (often trackers).
    case dropped
    /// Starts its own block.
    case block
    /// Flows within a paragraph; unknown elements are inline and transparent.
    case inline

    private static let droppedNames: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "applet", "param", "form", "input",
        "button", "select", "option", "optgroup", "textarea", "label", "noscript", "template", "svg", "math",
        "canvas", "audio", "video", "map", "area", "img", "picture", "head", "title", "meta", "link", "base",
        "dialog", "portal",
    ]
    // Not listed: embed, source, track and wbr. They are void in HTML5 but libxml2's HTML 4 parser does not
    // know it and nests what follows inside them; being unknown, they are transparent, and have no text of their own.
    private static let blockNames: Set<String> = [
        "html", "body", "div", "p", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
        "figcaption", "address", "center", "details", "summary", "dl", "dt", "dd", "table", "thead", "tbody",
        "tfoot", "caption", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "menu", "dir", "li",
        "blockquote", "pre", "hr", "fieldset", "hgroup", "listing", "xmp", "plaintext",
    ]

    init(_ name: String) {
        if HTMLRole.droppedNames.contains(name) { self = .dropped }
        else if HTMLRole.blockNames.contains(name) { self = .block }
        else { self = .inline }
    }
}
