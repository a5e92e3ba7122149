import BriefingCore

/// One family of pages — the home page, the brief pages, the topic pages… — declared in one place.
///
/// A family says which of its pages a site has and, for each (`PlannedPage`), its URL, template, format,
/// whether the sitemap lists it, the content file it shows and how its context is built. The plan, the
/// renderer, the build's fingerprints, the sitemap and `briefing check` all read pages through families,
/// so a new kind of page is one new family (one file) and its template.
public protocol PageFamily: Sendable {
    /// This family's pages for `site`, in a fixed order. `earlier` holds every page planned before this
    /// family's when it `listsEarlierPages` (the sitemap, planned last, lists them), and nothing otherwise.
    func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage]

    /// Whether `pages` reads `earlier`. Families that do not are planned side by side.
    var listsEarlierPages: Bool { get }
}

extension PageFamily {
    public var listsEarlierPages: Bool { false }
}
