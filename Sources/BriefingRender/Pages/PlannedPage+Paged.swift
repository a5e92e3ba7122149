import BriefingCore
import BriefingTemplates

extension PlannedPage {
    /// The pages of a list cut `size` items a page: page N at `url(N)`, its context `context(contexts, N)`.
    /// `lastModified(range)` dates a page by the items it shows, for the sitemap.
    public static func paged(
        count: Int, size: Int, url: (Int) -> String, template: String, source: String? = nil,
        lastModified: (Range<Int>) -> Timestamp? = { _ in nil },
        context: @escaping @Sendable (PageContexts, Int) -> TemplateValue
    ) -> [PlannedPage] {
        let paging = Paging(count: count, size: size)
        return paging.pages.map { page in
            PlannedPage(
                url: url(page), template: template, lastModified: lastModified(paging.range(ofPage: page)), source: source
            ) { context($0, page) }
        }
    }

    /// The pages of a list of briefs, newest first, each dated by its newest brief.
    public static func paged(
        _ briefs: BriefList, size: Int, url: (Int) -> String, template: String, source: String?,
        context: @escaping @Sendable (PageContexts, Int) -> TemplateValue
    ) -> [PlannedPage] {
        paged(
            count: briefs.count, size: size, url: url, template: template, source: source,
            lastModified: { $0.isEmpty ? nil : briefs[$0.lowerBound].date }, context: context)
    }
}
