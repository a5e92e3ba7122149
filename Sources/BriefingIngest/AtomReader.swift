import BriefingCore

/// Reads Atom 1.0 (and the older Atom 0.3): text constructs by their `type`, links by `rel`, authors inherited from the feed.
enum AtomReader {
    static func read(_ root: LibXMLNode) -> SourceDocument {
        let namespace = root.namespaceURI ?? FeedNamespace.atom
        let siteLink = alternateLink(in: root, namespace: namespace, siteLink: nil)
        let feedAuthors = authors(in: root, namespace: namespace)
        let entries = root.elements("entry", in: namespace).map { entry in
            item(from: entry, namespace: namespace, siteLink: siteLink, feedAuthors: feedAuthors)
        }
        return SourceDocument(
            format: .atom,
            publisher: root.first("title", in: namespace).flatMap { FeedText.trimmed(textConstruct($0)?.plainText) },
            link: siteLink,
            date: date(in: root, ["updated", "modified"], namespace: namespace),
            items: entries)
    }

    private static func item(from entry: LibXMLNode, namespace: String, siteLink: String?, feedAuthors: [String]) -> SourceItem {
        var item = SourceItem()
        item.line = entry.line
        item.guid = entry.text(of: "id", in: namespace)
        item.title = entry.first("title", in: namespace).flatMap { FeedText.trimmed(textConstruct($0)?.plainText) }
        item.link = alternateLink(in: entry, namespace: namespace, siteLink: siteLink)
        // Atom 0.3 called them issued and modified.
        item.published = date(in: entry, ["published", "issued", "created"], namespace: namespace)
        item.updated = date(in: entry, ["updated", "modified"], namespace: namespace)
        if item.published == nil, item.updated == nil {
            item.unreadDate = ["published", "updated", "issued", "modified"].lazy.compactMap { entry.text(of: $0, in: namespace) }.first
        }
        let ownAuthors = authors(in: entry, namespace: namespace)
        let sourceAuthors = entry.first("source", in: namespace).map { authors(in: $0, namespace: namespace) } ?? []
        item.authors = !ownAuthors.isEmpty ? ownAuthors : !sourceAuthors.isEmpty ? sourceAuthors : feedAuthors
        item.categories = RSSReader.unique(entry.elements("category", in: namespace).compactMap {
            FeedText.trimmed($0.attribute("term")) ?? FeedText.trimmed($0.attribute("label"))
        })
        let summary = entry.first("summary", in: namespace)
        // Content with `src` lives elsewhere: nothing to convert.
        let content = entry.first("content", in: namespace).flatMap { $0.attribute("src") == nil ? $0 : nil }
        let contentBase = (content ?? summary)?.base(startingFrom: item.link ?? siteLink)
        item.setText(summary: summary.flatMap(textConstruct), content: content.flatMap(textConstruct), baseURL: contentBase)
        return item
    }

    /// An Atom text construct by its `type`: `text` (the default), `html` (escaped HTML), `xhtml` (inline XHTML);
    /// content may also name a media type. Other media types (base64 data) are not text: nil.
    static func textConstruct(_ node: LibXMLNode) -> FeedMarkup? {
        let type = FeedText.collapsed(node.attribute("type") ?? "text").lowercased()
        // Atom 0.3 said how the content was encoded with `mode`.
        switch node.attribute("mode")?.lowercased() {
        case "xml": return .html(node.innerMarkup)
        case "base64": return nil
        case "escaped": return type.contains("html") ? .html(node.text) : .plain(node.text)
        default: break
        }
        switch type {
        case "text", "text/plain": return .plain(node.text)
        case "html", "text/html": return .html(node.text)
        case "xhtml", "application/xhtml+xml": return .html(node.innerMarkup)
        default: return type.hasPrefix("text/") ? .plain(node.text) : nil
        }
    }

    /// The `rel="alternate"` link (or one without `rel`), preferring `text/html`, resolved against its xml:base.
    static func alternateLink(in node: LibXMLNode, namespace: String, siteLink: String?) -> String? {
        let alternates = node.elements("link", in: namespace).filter {
            let rel = FeedText.collapsed($0.attribute("rel") ?? "alternate").lowercased()
            return rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate"
        }
        let preferred = alternates.first { ($0.attribute("type") ?? "text/html").lowercased().hasPrefix("text/html") }
        for link in [preferred].compactMap({ $0 }) + alternates {
            if let url = FeedLink.resolve(link.attribute("href"), against: link.base(startingFrom: siteLink)) { return url }
        }
        return nil
    }

    private static func authors(in node: LibXMLNode, namespace: String) -> [String] {
        RSSReader.unique(node.elements("author", in: namespace).compactMap { author in
            author.text(of: "name", in: namespace) ?? author.text(of: "email", in: namespace)
        })
    }

    private static func date(in node: LibXMLNode, _ names: [String], namespace: String) -> Timestamp? {
        for name in names {
            if let text = node.text(of: name, in: namespace), let date = FeedDate.parse(text) { return date }
        }
        return nil
    }
}
