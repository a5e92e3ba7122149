/// A source a brief cites: where the facts came from.
public struct SourceCitation: Hashable, Sendable {
    public var url: String
    public var publisher: String?
    public var title: String?

    public init(url: String, publisher: String? = nil, title: String? = nil) {
        self.url = url
        self.publisher = publisher
        self.title = title
    }

    /// The URL's host without `www.`, shown when no publisher is named.
    public var host: String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
    }

    static func read(_ fields: inout FrontMatterFields) -> SourceCitation? {
        guard let url = fields.string("url", required: true, fix: "give each source a `url: https://…`") else { return nil }
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            fields.report("url", "the source URL `\(url)` is not an http(s) URL", fix: "write the full address, starting with https://")
            return nil
        }
        return SourceCitation(url: url, publisher: fields.string("publisher"), title: fields.string("title"))
    }
}
