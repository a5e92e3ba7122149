import BriefingCore

extension PageContexts {
    /// JSON-LD `NewsArticle` for a brief page: what search engines and link previews read.
    /// Companies are `mentions` (a brief names several), topics are what it is `about`.
    func newsArticle(_ brief: Brief) -> String {
        let config = site.config
        let url = config.baseURL + BriefPages.url(brief.slug)
        let topics = brief.topics.compactMap { site.topic($0) }
        return JSONText.object(dropping: [
            ("@context", .string("https://schema.org")),
            ("@type", .string("NewsArticle")),
            ("headline", .string(brief.title)),
            ("description", JSONText(brief.summary.isEmpty ? nil : brief.summary)),
            ("datePublished", .string(brief.date.description)),
            ("url", .string(url)),
            ("mainEntityOfPage", .string(url)),
            ("inLanguage", .string(config.language)),
            // The writers a feed named, else the desk that published the brief.
            ("author", brief.authors.isEmpty ? organization : .array(brief.authors.map { name in
                .object([("@type", .string("Person")), ("name", .string(name))])
            })),
            ("publisher", organization),
            ("articleSection", JSONText(topics.first?.name)),
            ("about", .array(topics.map { topic in
                .object([("@type", .string("Thing")), ("name", .string(topic.name)), ("url", .string(config.baseURL + TopicPages.url(topic.slug)))])
            })),
            ("mentions", .array(brief.companies.compactMap { site.company($0) }.map { company in
                .object(dropping: [
                    ("@type", .string("Organization")),
                    ("name", .string(company.name)),
                    ("url", .string(config.baseURL + CompanyPages.url(company.slug))),
                    ("sameAs", JSONText(company.website)),
                ])
            })),
            ("isBasedOn", .array(brief.sources.map { .string($0.url) })),
        ]).text
    }

    /// JSON-LD `WebSite` for the home page, naming the search page as the site's search.
    func webSite() -> String {
        let config = site.config
        return JSONText.object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("WebSite")),
            ("name", .string(config.title)),
            ("url", .string(config.baseURL)),
            ("inLanguage", .string(config.language)),
            ("potentialAction", .object([
                ("@type", .string("SearchAction")),
                ("target", .string(config.baseURL + SearchPages.url + "?q={search_term_string}")),
                ("query-input", .string("required name=search_term_string")),
            ])),
        ]).text
    }

    private var organization: JSONText {
        .object([("@type", .string("Organization")), ("name", .string(site.config.title)), ("url", .string(site.config.baseURL))])
    }
}
