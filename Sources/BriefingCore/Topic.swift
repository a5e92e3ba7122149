/// A subject readers browse by; its keywords let ingest tag briefs with it.
public struct Topic: Sendable, Identifiable, Equatable {
    public var id: Slug { slug }
    public var slug: Slug
    public var name: String
    public var description: String
    public var keywords: [String]
    /// Markdown introduction.
    public var body: String
    public var location: ContentLocation

    public init(
        slug: Slug, name: String, description: String = "", keywords: [String] = [], body: String = "",
        location: ContentLocation
    ) {
        self.slug = slug
        self.name = name
        self.description = description
        self.keywords = keywords
        self.body = body
        self.location = location
    }

    /// The front matter fields this reader knows; any other is ignored by the build.
    public static let fieldNames: [String] = ["name", "description", "keywords"]

    static func read(_ fields: inout FrontMatterFields, body: String, slug: Slug, location: ContentLocation) -> Topic? {
        guard let name = fields.string("name", required: true, fix: "add `name: …`, the topic as readers know it") else { return nil }
        return Topic(
            slug: slug, name: name, description: fields.string("description") ?? "", keywords: fields.strings("keywords"),
            body: body, location: location)
    }
}
