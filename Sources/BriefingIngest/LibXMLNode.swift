import CLibXML2

/// Namespaces the feed readers look for.
enum FeedNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let media = "http://search.yahoo.com/mrss/"

    /// Feeds sometimes use a prefix without declaring it; libxml2 then keeps `dc:creator` as the local name.
    static let conventionalPrefix: [String: String] = [
        content: "content", dublinCore: "dc", dublinCoreTerms: "dcterms", atom: "atom", rdf: "rdf", media: "media",
    ]
}

/// A borrowed view of one libxml2 node; valid only while the document that owns it is alive.
struct LibXMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var localName: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }
    var namespaceURI: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The name as written, prefix included: what a message shows.
    var qualifiedName: String {
        guard let prefix = pointer.pointee.ns?.pointee.prefix else { return localName }
        return "\(String(cString: prefix)):\(localName)"
    }

    /// Line of the start tag (needs XML_PARSE_BIG_LINES past line 65535).
    var line: Int? {
        let line = xmlGetLineNo(pointer)
        return line > 0 ? Int(line) : nil
    }

    var children: [LibXMLNode] { LibXMLNode.childPointers(of: pointer).map(LibXMLNode.init) }

    static func childPointers(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var next = node.pointee.children
        while let child = next {
            result.append(child)
            next = child.pointee.next
        }
        return result
    }

    var childElements: [LibXMLNode] { children.filter(\.isElement) }

    /// Whether this is the element `name` in `namespace` (nil: no namespace).
    func `is`(_ name: String, in namespace: String?) -> Bool {
        guard isElement else { return false }
        let uri = namespaceURI
        if uri == namespace, localName == name { return true }
        if uri == nil, let namespace, let prefix = FeedNamespace.conventionalPrefix[namespace] {
            return localName == "\(prefix):\(name)"
        }
        return false
    }

    func elements(_ name: String, in namespace: String?) -> [LibXMLNode] {
        childElements.filter { $0.is(name, in: namespace) }
    }

    func first(_ name: String, in namespace: String?) -> LibXMLNode? {
        childElements.first { $0.is(name, in: namespace) }
    }

    /// The text of the first matching child, trimmed; nil when absent or blank.
    func text(of name: String, in namespace: String?) -> String? {
        first(name, in: namespace).flatMap { FeedText.trimmed($0.text) }
    }

    /// All descendant text, entities decoded. Internal entities the document declares for itself are expanded
    /// within a budget (`EntityExpansion`); external ones are never read.
    var text: String {
        var result = ""
        var budget = EntityExpansion()
        LibXMLNode.appendText(of: pointer.pointee.children, to: &result, depth: 0, budget: &budget)
        return result
    }

    /// The attribute's value (no namespace unless given), with the same entity rule as `text`.
    func attribute(_ name: String, in namespace: String? = nil) -> String? {
        var next = pointer.pointee.properties
        while let attribute = next {
            let attributeName = attribute.pointee.name.map { String(cString: $0) }
            let attributeNamespace = attribute.pointee.ns?.pointee.href.map { String(cString: $0) }
            if attributeName == name, attributeNamespace == namespace {
                var value = ""
                var budget = EntityExpansion()
                LibXMLNode.appendText(of: attribute.pointee.children, to: &value, depth: 0, budget: &budget)
                return value
            }
            next = attribute.pointee.next
        }
        return nil
    }

    /// The base URL in effect here: the `xml:base` attributes from the root down, resolved in turn
    /// starting from `fallback`.
    func base(startingFrom fallback: String?) -> String? {
        var bases: [String] = []
        var next: xmlNodePtr? = pointer
        while let node = next, node.pointee.type == XML_ELEMENT_NODE {
            if let base = LibXMLNode(pointer: node).attribute("base", in: FeedNamespace.xml) { bases.append(base) }
            next = node.pointee.parent
        }
        return bases.reversed().reduce(fallback) { FeedLink.resolve($1, against: $0) ?? $0 }
    }

    /// The children serialised back to markup: XHTML content, or HTML a feed forgot to escape.
    var innerMarkup: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        for child in children {
            xmlNodeDump(buffer, pointer.pointee.doc, child.pointer, 0, 0)
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// The element's content as HTML: its text when it holds escaped HTML (or CDATA), its serialised
    /// children when the HTML was written as elements.
    var htmlContent: String {
        children.contains(where: \.isElement) ? innerMarkup : text
    }

    private static func appendText(of first: xmlNodePtr?, to result: inout String, depth: Int, budget: inout EntityExpansion) {
        // libxml2 caps nesting at 256; the guard keeps this recursion bounded whatever the input.
        guard depth < 300 else { return }
        var next = first
        while let node = next {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { result += String(cString: content) }
            case XML_ELEMENT_NODE:
                appendText(of: node.pointee.children, to: &result, depth: depth + 1, budget: &budget)
            case XML_ENTITY_REF_NODE:
                if let name = node.pointee.name {
                    result += budget.expand(String(cString: name), in: node.pointee.doc, depth: 0) ?? ""
                }
            default:
                break
            }
            next = node.pointee.next
        }
    }
}
