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

@Suite struct PageURLTests {
    @Test func prettyURLsBecomeIndexFiles() {
        #expect(PageURL.outputPath(for: "") == "index.html")
        #expect(PageURL.outputPath(for: "briefs/x/") == "briefs/x/index.html")
        #expect(PageURL.outputPath(for: "feed.xml") == "feed.xml")
    }

    @Test func rootIsTheWayBackToTheSiteRoot() {
        #expect(PageURL.root(from: "") == "")
        #expect(PageURL.root(from: "topics/") == "../")
        #expect(PageURL.root(from: "topics/ai/page/2/") == "../../../../")
        #expect(PageURL.root(from: "topics/ai/feed.xml") == "../../")
        #expect(TimelinePages.url(year: 2025, month: 9) == "timeline/2025/09/")
    }
}
