/// An organisation briefs mention, with the names that identify it in text.
public struct Company: Sendable, Identifiable, Equatable {
    public var id: Slug { slug }
    public var slug: Slug
    public var name: String
    /// Other names and brands ("Alibaba Group Holding", "T-Head", "Qwen").
    public var aliases: [String]
    public var ticker: String?
    public var headquarters: String?
    public var website: String?
    /// Markdown profile.
    public var body: String
    public var location: ContentLocation

    public init(
        slug: Slug, name: String, aliases: [String] = [], ticker: String? = nil, headquarters: String? = nil,
        website: String? = nil, body: String = "", location: ContentLocation
    ) {
        self.slug = slug
        self.name = name
        self.aliases = aliases
        self.ticker = ticker
        self.headquarters = headquarters
        self.website = website
        self.body = body
        self.location = location
    }

    /// The front matter fields this reader knows; any other is ignored by the build. `origin: ingest` marks an
    /// entry ingest wrote; only ingest reads it (from the file, with its checksum), so the model does not carry it.
    public static let fieldNames: [String] = ["name", "aliases", "ticker", "headquarters", "website", "origin"]

    static func read(_ fields: inout FrontMatterFields, body: String, slug: Slug, location: ContentLocation) -> Company? {
        guard let name = fields.string("name", required: true, fix: "add `name: …`, the company's usual name") else { return nil }
        let website = fields.string("website")
        if let website, !(website.hasPrefix("https://") || website.hasPrefix("http://")) {
            fields.report("website", "the website `\(website)` is not an http(s) URL", fix: "write the full address, starting with https://")
        }
        return Company(
            slug: slug, name: name, aliases: fields.strings("aliases"), ticker: fields.string("ticker"),
            headquarters: fields.string("headquarters"), website: website, body: body, location: location)
    }
}
