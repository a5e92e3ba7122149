/// Parses RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 documents into a `SourceDocument`.
///
/// libxml2 reads the XML without network access, DTD loading or entity substitution, so entity-expansion
/// bombs are refused and external entities are never read. Malformed and truncated files are reported with
/// libxml2's line and message; invalid UTF-8 is repaired (U+FFFD); files over `SourceInput.maximumByteCount`
/// are refused before parsing.
public enum XMLFeedParser {
    public static func parse(_ bytes: [UInt8], file: String) throws(IngestError) -> SourceDocument {
        try SourceInput.checkSize(bytes.count, file: file)
        return try LibXMLParser.withRootElement(of: SourceEncoding.normalised(bytes), file: file) { (root) throws(IngestError) -> SourceDocument in
            try read(root, file: file)
        }
    }

    private static func read(_ root: LibXMLNode, file: String) throws(IngestError) -> SourceDocument {
        // RSS 2.0 has no namespace, but a few feeds declare one (Userland's rss2 namespace): any will do.
        if root.isElement, root.localName == "rss" {
            return try RSSReader.readRSS2(root, file: file)
        }
        if root.is("RDF", in: FeedNamespace.rdf) {
            return try RSSReader.readRDF(root, file: file)
        }
        if root.is("feed", in: FeedNamespace.atom) || root.is("feed", in: FeedNamespace.atom03) {
            return AtomReader.read(root)
        }
        let fix = root.localName.lowercased() == "html"
            ? "this is a web page, not a feed: find the page's RSS or Atom link and download that"
            : "ingest reads RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed; check that this file is a news feed"
        let namespace = root.namespaceURI.map { " (namespace \($0))" } ?? ""
        throw IngestError(file: file, line: root.line,
                          message: "expected RSS, RDF or Atom, found <\(root.qualifiedName)>\(namespace)", fix: fix)
    }
}
