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
}

extension SourceCitation: SchemaRecord {
    public static let empty = SourceCitation(url: "")

    public static let schema: [SchemaField<SourceCitation>] = [
        SchemaField("url", .url(\.url, .required(fix: "give each source a `url: https://…`"))),
        SchemaField("publisher", .optionalText(\.publisher)),
        SchemaField("title", .optionalText(\.title)),
    ]
}
