import BriefingCore

/// Reads RSS 2.0/0.9x (`<rss><channel><item>`) and RSS 1.0/0.90 (`<rdf:RDF>`, items beside the channel).
enum RSSReader {
    static func readRSS2(_ root: LibXMLNode, file: String) throws(IngestError) -> SourceDocument {
        let namespace = root.namespaceURI
        guard let channel = root.first("channel", in: namespace) else {
            throw IngestError(file: file, line: root.line, message: "the <rss> element has no <channel>",
                              fix: "the feed is incomplete; download it again")
        }
        let siteLink = FeedLink.resolve(channel.text(of: "link", in: namespace), against: channel.base(startingFrom: nil))
        return SourceDocument(
            format: .rss2,
            publisher: FeedText.title(channel.first("title", in: namespace)?.text),
            link: siteLink,
            date: date(in: channel, ["lastBuildDate", "pubDate"], namespace: namespace)
                ?? date(in: channel, ["date"], namespace: FeedNamespace.dublinCore),
            items: channel.elements("item", in: namespace).map {
                item(from: $0, namespace: namespace, isRSS2: true, siteLink: siteLink)
            })
    }

    static func readRDF(_ root: LibXMLNode, file: String) throws(IngestError) -> SourceDocument {
        let namespace = [FeedNamespace.rss1, FeedNamespace.rss090].first { namespace in
            root.first("channel", in: namespace) != nil || root.first("item", in: namespace) != nil
        }
        guard let namespace else {
            throw IngestError(file: file, line: root.line,
                              message: "the <rdf:RDF> document has no RSS 1.0 <channel> or <item>",
                              fix: "this RDF file is not an RSS 1.0 feed; check where it came from")
        }
        let channel = root.first("channel", in: namespace)
        let siteLink = channel.flatMap { FeedLink.resolve($0.text(of: "link", in: namespace), against: $0.base(startingFrom: nil)) }
        // RSS 1.0 puts items beside the channel; some feeds nest them inside it, so both are read.
        let items = root.elements("item", in: namespace) + (channel?.elements("item", in: namespace) ?? [])
        return SourceDocument(
            format: .rss1,
            publisher: FeedText.title(channel?.first("title", in: namespace)?.text),
            link: siteLink,
            date: channel.flatMap { date(in: $0, ["date"], namespace: FeedNamespace.dublinCore) },
            items: items.map { item(from: $0, namespace: namespace, isRSS2: false, siteLink: siteLink) })
    }

    /// One item; `namespace` is the RSS namespace (normally nil for RSS 2.0). Missing fields stay nil.
    private static func item(from node: LibXMLNode, namespace: String?, isRSS2: Bool, siteLink: String?) -> SourceItem {
        var item = SourceItem()
        item.line = node.line
        // A title may come only as Dublin Core's or Media RSS's (on the item, its media:content or media:group).
        let media = [node] + node.elements("content", in: FeedNamespace.media) + node.elements("group", in: FeedNamespace.media)
        item.title = FeedText.title(node.first("title", in: namespace)?.text)
            ?? FeedText.title(node.first("title", in: FeedNamespace.dublinCore)?.text)
            ?? media.lazy.compactMap { FeedText.title($0.first("title", in: FeedNamespace.media)?.text) }.first
        item.guid = node.text(of: "guid", in: namespace) ?? FeedText.trimmed(node.attribute("about", in: FeedNamespace.rdf))
        item.link = link(of: node, namespace: namespace, isRSS2: isRSS2, siteLink: siteLink)
        item.published = date(in: node, ["pubDate"], namespace: namespace)
            ?? date(in: node, ["date"], namespace: FeedNamespace.dublinCore)
            ?? date(in: node, ["issued", "created"], namespace: FeedNamespace.dublinCoreTerms)
            ?? date(in: node, ["published"], namespace: FeedNamespace.atom)
        item.updated = date(in: node, ["updated"], namespace: FeedNamespace.atom)
            ?? date(in: node, ["modified"], namespace: FeedNamespace.dublinCoreTerms)
        if item.published == nil, item.updated == nil {
            item.unreadDate = [node.text(of: "pubDate", in: namespace), node.text(of: "date", in: FeedNamespace.dublinCore)]
                .compactMap { $0 }.first
        }
        let authors = node.elements("author", in: namespace).compactMap { FeedText.authorName($0.text) }
            + node.elements("creator", in: FeedNamespace.dublinCore).compactMap { FeedText.trimmed($0.text) }
        item.authors = unique(authors)
        let categories = node.elements("category", in: namespace) + node.elements("subject", in: FeedNamespace.dublinCore)
        item.categories = unique(categories.compactMap { FeedText.trimmed($0.text) })

        let description = node.first("description", in: namespace)
        let encoded = node.first("encoded", in: FeedNamespace.content)
        // Relative links in a post are relative to the post's page, unless an xml:base says otherwise.
        let contentBase = (encoded ?? description)?.base(startingFrom: item.link ?? siteLink)
        item.setText(summary: description.map { FeedMarkup.html($0.htmlContent) },
                     content: encoded.map { FeedMarkup.html($0.htmlContent) },
                     baseURL: contentBase)
        return item
    }

    /// `<link>`, else an Atom alternate link, else a guid that is a permalink (RSS 2.0's default).
    private static func link(of node: LibXMLNode, namespace: String?, isRSS2: Bool, siteLink: String?) -> String? {
        if let link = node.first("link", in: namespace),
           let resolved = FeedLink.resolve(link.text, against: link.base(startingFrom: siteLink)) {
            return resolved
        }
        if let alternate = AtomReader.alternateLink(in: node, namespace: FeedNamespace.atom, siteLink: siteLink) {
            return alternate
        }
        guard isRSS2, let guid = node.first("guid", in: namespace),
              guid.attribute("isPermaLink")?.lowercased() != "false",
              let scheme = FeedLink.scheme(of: FeedText.collapsed(guid.text)), scheme == "http" || scheme == "https" else {
            return nil
        }
        return FeedLink.resolve(guid.text, against: nil)
    }

    private static func date(in node: LibXMLNode, _ names: [String], namespace: String?) -> Timestamp? {
        for name in names {
            if let text = node.text(of: name, in: namespace), let date = FeedDate.parse(text) { return date }
        }
        return nil
    }

    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
