import BriefingCore
import BriefingTemplates

/// One output file the build will produce: where it goes, what renders it, and what it shows.
public struct PlannedPage: Sendable {
    /// What kind of file the page is.
    public enum Format: Sendable {
        case html, xml, json, text
    }

    /// The page's URL relative to the site root (`briefs/x/`, `feed.xml`).
    public let url: String
    /// The file written under the output folder.
    public let outputPath: String
    /// The template it is rendered with.
    public let template: String
    public let format: Format
    /// Whether `/sitemap.xml` lists it: the HTML pages readers visit, not 404.html.
    public let inSitemap: Bool
    /// When its content last changed, for the sitemap; nil where no date is meaningful.
    public let lastModified: Timestamp?
    /// The content file whose own text the page shows (a brief's page, a topic's pages), so a problem found in
    /// the page can be reported there.
    public let source: String?
    /// Whether its context is derived from the plan itself (the sitemap lists the pages planned before it), so
    /// that a change to the set of pages changes it whatever else did.
    public let readsPlan: Bool
    private let makeContext: @Sendable (PageContexts) -> TemplateValue

    /// `context` builds the page's template context; it must depend only on the site it was planned from and
    /// on `contexts`, so pages can be fingerprinted and rendered in any order, in parallel.
    public init(
        url: String, template: String, format: Format = .html, inSitemap: Bool? = nil, lastModified: Timestamp? = nil,
        source: String? = nil, readsPlan: Bool = false, context: @escaping @Sendable (PageContexts) -> TemplateValue
    ) {
        self.url = url
        outputPath = PageURL.outputPath(for: url)
        self.template = template
        self.format = format
        self.inSitemap = inSitemap ?? (format == .html)
        self.lastModified = lastModified
        self.source = source
        self.readsPlan = readsPlan
        makeContext = context
    }

    /// The page's template context, its Markdown bodies supplied by `contexts`.
    public func context(from contexts: PageContexts) -> TemplateValue { makeContext(contexts) }
}
