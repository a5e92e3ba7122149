import Testing
@testable import BriefingRender

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        let html = Markdown().html("## Key points\n\n- *one*\n- [two](https://example.org)\n")
        #expect(html == "<h2>Key points</h2>\n<ul>\n<li><em>one</em></li>\n<li><a href=\"https://example.org\">two</a></li>\n</ul>\n")
    }

    @Test func dropsRawHTMLAndScriptURLsByDefault() {
        let html = Markdown().html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x\">b</b>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
    }

    @Test func keepsRawHTMLWhenTheSiteOptsIn() {
        #expect(Markdown(allowRawHTML: true).html("<aside>note</aside>\n").contains("<aside>note</aside>"))
    }
}

@Suite struct SiteURLsTests {
    @Test func prettyURLsBecomeIndexFiles() {
        #expect(SiteURLs.outputPath(for: "") == "index.html")
        #expect(SiteURLs.outputPath(for: "briefs/x/") == "briefs/x/index.html")
        #expect(SiteURLs.outputPath(for: "feed.xml") == "feed.xml")
    }

    @Test func rootIsTheWayBackToTheSiteRoot() {
        #expect(SiteURLs.root(from: "") == "")
        #expect(SiteURLs.root(from: "topics/") == "../")
        #expect(SiteURLs.root(from: "topics/ai/page/2/") == "../../../../")
        #expect(SiteURLs.root(from: "topics/ai/feed.xml") == "../../")
        #expect(SiteURLs.month(2025, 9) == "timeline/2025/09/")
    }
}
