import BriefingTemplates
import Testing
@testable import BriefingCore
@testable import BriefingRender

/// What readers and their tools find on rendered pages: trails, paging links, metadata, the search box.
@Suite struct PortalNavigationTests {
    let site = SampleSite.make()
    var contexts: PageContexts { PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)) }

    func render(_ template: String, _ context: TemplateValue) throws -> String {
        try Theme.load(siteTemplates: nil).templates.renderString(template, context)
    }

    func trail(_ page: TemplateValue) -> [String] {
        guard case .list(let items)? = page["breadcrumbs"]?["items"] else { return [] }
        return items.compactMap { if case .string(let name)? = $0["name"] { name } else { nil } }
    }

    @Test func pagesHaveABreadcrumbTrailFromHome() throws {
        let brief = try #require(site.brief(SampleSite.slug("h20-paused")))
        #expect(trail(contexts.brief(brief)) == ["Home", "Topics", "AI chips"])
        let exports = try #require(site.topic(SampleSite.slug("export-controls")))
        #expect(trail(contexts.topic(exports, page: 1)) == ["Home", "Topics"])
        #expect(trail(contexts.topic(exports, page: 2)) == ["Home", "Topics", "Export controls"])
        #expect(trail(contexts.timelineMonth(2025, 8)) == ["Home", "Timeline", "2025"])
        #expect(contexts.home()["breadcrumbs"] == nil)

        let html = try render("brief", contexts.brief(brief))
        #expect(html.contains(#"<nav class="breadcrumbs" aria-label="Breadcrumb">"#))
        #expect(html.contains(#"<li><a href="../../topics/ai-chips/">AI chips</a></li>"#))
        #expect(html.contains(#"aria-current="page">Nvidia pauses H20 &amp; more</span>"#))
    }

    @Test func paginatedTopicPagesLinkPreviousAndNextInTheHeadAndTheBody() throws {
        let paged = PageContexts(site: SampleSite.make(pageSize: 1), bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
        let exports = try #require(site.topic(SampleSite.slug("export-controls")))
        let first = try render("topic", paged.topic(exports, page: 1))
        #expect(first.contains(#"<link rel="next" href="../../topics/export-controls/page/2/">"#))
        #expect(first.contains(#"<a href="../../topics/export-controls/page/2/" rel="next">"#))
        #expect(!first.contains(#"rel="prev""#))
        let second = try render("topic", paged.topic(exports, page: 2))
        #expect(second.contains(#"<link rel="prev" href="../../../../topics/export-controls/">"#))
        #expect(second.contains(#"<a href="../../../../topics/export-controls/" rel="prev">"#))
        #expect(!second.contains(#"rel="next""#))
    }

    @Test func pagesCarryTheirMetadataAndAdvertiseTheirFeeds() throws {
        let nvidia = try #require(site.company(SampleSite.slug("nvidia")))
        let html = try render("company", contexts.company(nvidia))
        #expect(html.contains(#"<html lang="en">"#))
        #expect(html.contains("<title>Nvidia · Test Desk</title>"))
        #expect(html.contains(#"<meta name="description" content="Briefs, profile and timeline for Nvidia.">"#))
        #expect(html.contains(#"<link rel="canonical" href="https://example.org/portal/companies/nvidia/">"#))
        #expect(html.contains(#"<link rel="alternate" type="application/atom+xml" title="Test Desk" href="https://example.org/portal/feed.xml">"#))
        #expect(html.contains(#"<link rel="alternate" type="application/atom+xml" title="Nvidia · Test Desk" href="https://example.org/portal/companies/nvidia/feed.xml">"#))
        #expect(html.contains(#"<meta property="og:type" content="website">"#))
        #expect(html.contains(#"<meta property="og:url" content="https://example.org/portal/companies/nvidia/">"#))
        #expect(html.contains(#"<meta property="og:site_name" content="Test Desk">"#))

        let brief = try #require(site.brief(SampleSite.slug("h20-paused")))
        let article = try render("brief", contexts.brief(brief))
        #expect(article.contains(#"<meta property="og:type" content="article">"#))
        #expect(article.contains(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle""#))
        #expect(article.contains(#"<ul class="chips__list" aria-label="Topics">"#))
        #expect(article.contains(#"<a class="chip chip--company" href="../../companies/nvidia/">Nvidia</a>"#))
    }

    @Test func theHeaderSearchBoxIsAPlainFormThatLeadsToTheSearchPage() throws {
        let home = try render("home", contexts.home())
        #expect(home.contains(#"<form class="site-search" role="search" action="search/" method="get">"#))
        #expect(home.contains(#"name="q""#))
        let search = try render("search", contexts.search(SearchIndex(site: site)))
        #expect(!search.contains(#"class="site-search""#), "the search page has its own form")
        #expect(search.contains(#"<script src="../assets/search.js" defer></script>"#))
        #expect(search.contains(#"data-index="../search/manifest.json""#))
        #expect(search.contains(#"<option value="2024">2024 (1)</option>"#))
        #expect(search.contains(#"<option value="export-controls">Export controls (2)</option>"#))
        #expect(search.contains("<noscript>"))
    }

    /// search.js copies the theme's result template rather than building a card of its own.
    @Test func theSearchPageCarriesTheTemplateItsResultsAreMadeFrom() throws {
        let search = try render("search", contexts.search(SearchIndex(site: site)))
        let template = try #require(search.range(of: #"<template id="search-result">"#))
        let end = try #require(search.range(of: "</template>", range: template.upperBound..<search.endIndex))
        let result = search[template.upperBound..<end.lowerBound]
        for field in ["date", "title", "summary", "topics", "companies"] {
            #expect(result.contains(#"data-field="\#(field)""#), "no data-field=\(field) in the result template")
        }
        let script = try #require(Theme.load(siteTemplates: nil).assets["search.js"])
        #expect(String(decoding: script, as: UTF8.self).contains(#"getElementById("search-result")"#))
        #expect(!String(decoding: script, as: UTF8.self).contains("MONTHS"), "month names come from the browser, not a table")
    }
}
