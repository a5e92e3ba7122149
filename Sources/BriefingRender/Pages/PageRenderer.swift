import BriefingCore
import BriefingTemplates

/// Renders planned pages through a theme: each page's context, with its Markdown bodies as HTML.
public struct PageRenderer: Sendable {
    public let theme: Theme
    private let contexts: PageContexts

    public init(site: Site, theme: Theme) {
        self.theme = theme
        contexts = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: site.config.allowRawHTML))
    }

    public func render(_ page: PlannedPage) throws(TemplateError) -> [UInt8] {
        try theme.templates.render(page.template, page.context(from: contexts))
    }
}
