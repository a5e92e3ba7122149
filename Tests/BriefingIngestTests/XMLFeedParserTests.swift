import BriefingCore
import Testing
@testable import BriefingIngest

@Suite struct XMLFeedParserTests {
    private func parse(_ name: String) throws -> SourceDocument {
        try XMLFeedParser.parse(try FeedFixtures.bytes(name), file: name)
    }

    @Test func readsAWordPressRSS2Feed() throws {
        let document = try parse("rss2-wordpress.xml")
        #expect(document.format == .rss2)
        #expect(document.publisher == "Tech Wire Asia")
        #expect(document.link == "https://techwireasia.com")
        #expect(document.items.count == 2)

        let item = try #require(document.items.first)
        #expect(item.title == "Alibaba\u{2019}s trillion-parameter AI model challenges OpenAI & Google")
        #expect(item.link == "https://techwireasia.com/2025/09/alibaba-ai-model-trillion-parameter-breakthrough/")
        #expect(item.guid == "https://techwireasia.com/?p=243591")
        #expect(item.published == Timestamp(year: 2025, month: 9, day: 9, hour: 10))
        #expect(item.authors == ["Dashveenjit Kaur"])
        #expect(item.categories == ["Artificial Intelligence", "China"])
        #expect(item.line == 17)
        #expect(item.summary?.hasPrefix("Alibaba has released Qwen-3-Max-Preview, its first model") == true)
        #expect(item.summary?.contains("appeared first on Tech Wire Asia.") == true)

        let markdown = try #require(item.contentMarkdown)
        #expect(markdown.hasPrefix("- Alibaba released **Qwen-3-Max-Preview** on September 5.\n- The model has more than *one trillion* parameters."))
        // Relative links in content are resolved against the item's link.
        #expect(markdown.contains("[made its largest model](https://techwireasia.com/tag/alibaba/)"))
        #expect(markdown.contains("## Benchmarks"))
        #expect(markdown.contains("on `SuperGPQA` & LiveCodeBench.\\\nResults are self-reported."))
        #expect(markdown.contains("> \u{201C}This is a big step,\u{201D} said an analyst."))
        #expect(!markdown.contains("trackPageView"))
    }

    @Test func descriptionWithoutContentBecomesTheContent() throws {
        let item = try #require(try parse("rss2-wordpress.xml").items.last)
        #expect(item.contentMarkdown == "Huawei showed three new Ascend AI chips. They ship in 2026.")
        #expect(item.summary == "Huawei showed three new Ascend AI chips. They ship in 2026.")
        #expect(item.published == Timestamp(year: 2025, month: 9, day: 8, hour: 8, minute: 30))
    }

    @Test func keepsItemsWithoutTitleOrLink() throws {
        let document = try parse("rss2-edge-cases.xml")
        #expect(document.publisher == "Example News")
        // <link>/</link> resolved against the channel's xml:base.
        #expect(document.link == "https://news.example.org/")
        #expect(document.items.count == 5)
        let bare = document.items[0]
        #expect(bare.title == nil)
        #expect(bare.link == nil)
        #expect(bare.guid == nil)
        #expect(bare.summary == "An item with neither a title nor a link.")
        #expect(bare.line == 7)
    }

    @Test func usesAPermalinkGuidAsTheLink() throws {
        let item = try parse("rss2-edge-cases.xml").items[1]
        #expect(item.link == "https://news.example.org/2025/09/permalink")
        #expect(item.authors == ["Jane Editor"])
        // "Mon, 8 Sep 25 14:05 EST": two-digit year, no seconds, named zone.
        #expect(item.published == Timestamp(year: 2025, month: 9, day: 8, hour: 19, minute: 5))
        #expect(item.summary == nil)
        #expect(item.contentMarkdown == nil)
    }

    @Test func resolvesRelativeLinksAgainstXMLBase() throws {
        let document = try parse("rss2-edge-cases.xml")
        let relative = document.items[2]
        #expect(relative.link == "https://news.example.org/world/stories/relative.html")
        #expect(relative.published == Timestamp(year: 2025, month: 9, day: 8, hour: 14, minute: 5, second: 9))
        // Content links resolve against the xml:base in scope (the channel's here, else the item link);
        // the javascript: link keeps only its text.
        #expect(relative.contentMarkdown == "See [the related story](https://news.example.org/related.html) and this.")

        let ownBase = document.items[4]
        #expect(ownBase.link == "https://other.example.com/blog/post.html")
        #expect(ownBase.guid == "post-1")
        #expect(ownBase.contentMarkdown == "Body with an [inline link](https://other.example.com/blog/img/chart.html).")
    }

    @Test func decodesEscapedMarkupInTitles() throws {
        let item = try parse("rss2-edge-cases.xml").items[3]
        #expect(item.title == "Escaped markup & entities \u{2019}here\u{2019}")
        #expect(item.published == Timestamp(year: 2025, month: 9, day: 8, hour: 1))
        #expect(item.authors == ["A. Writer", "B. Writer"])
        #expect(item.categories == ["Politics"])
    }

    @Test func readsRSS1RDF() throws {
        let document = try parse("rss1.rdf")
        #expect(document.format == .rss1)
        #expect(document.publisher == "RDF Example")
        #expect(document.link == "https://rdf.example.net/")
        #expect(document.items.count == 2)
        let first = document.items[0]
        #expect(first.title == "First & foremost")
        #expect(first.guid == "https://rdf.example.net/one")
        #expect(first.link == "https://rdf.example.net/one")
        #expect(first.published == Timestamp(year: 2025, month: 9, day: 7, hour: 12))
        #expect(first.authors == ["Rita Dee"])
        #expect(first.categories == ["Semantics"])
        #expect(first.summary == "A plain description.")
        #expect(first.contentMarkdown == "Rich **content** here.")
        #expect(document.items[1].published == Timestamp(year: 2025, month: 9, day: 6))
    }

    @Test func readsAtom() throws {
        let document = try parse("atom.xml")
        #expect(document.format == .atom)
        #expect(document.publisher == "Atom & Example")
        #expect(document.link == "https://atom.example.com/")
        #expect(document.items.count == 3)

        let html = document.items[0]
        #expect(html.guid == "tag:atom.example.com,2025:1")
        #expect(html.title == "HTML entry")
        #expect(html.link == "https://atom.example.com/blog/2025/html-entry")
        #expect(html.published == Timestamp(year: 2025, month: 9, day: 8, hour: 15))
        #expect(html.updated == Timestamp(year: 2025, month: 9, day: 9, hour: 10))
        #expect(html.authors == ["Feed Author"])
        #expect(html.categories == ["ai", "chips"])
        #expect(html.summary == "A short summary.")
        #expect(html.contentMarkdown == "See [the notes](https://atom.example.com/blog/2025/notes/).")
        #expect(html.line == 9)
    }

    @Test func readsAtomXHTMLAndTextConstructs() throws {
        let document = try parse("atom.xml")
        let xhtml = document.items[1]
        #expect(xhtml.title == "XHTML title")
        #expect(xhtml.link == "https://elsewhere.example.org/x")
        #expect(xhtml.authors == ["Entry Author"])
        #expect(xhtml.published == nil)
        #expect(xhtml.contentMarkdown == "Inline **XHTML** content. Second sentence here. Third one.\n\n- one\n- two")
        #expect(xhtml.summary == "Inline XHTML content. Second sentence here.")

        let text = document.items[2]
        #expect(text.title == "Text <b> stays")
        #expect(text.link == nil)
        #expect(text.contentMarkdown == "Plain text content with \\*stars\\* and \\<tags\\>.\n\nSecond paragraph.")
    }

    @Test func reportsMalformedXMLWithLibXMLsLine() throws {
        let error = try #require(throws: IngestError.self) { try parse("malformed.xml") }
        #expect(error.line == 7)
        #expect(error.message == "the XML is malformed at line 7: Opening and ending tag mismatch: item line 5 and channel")
        #expect(error.fix == "fix the file or re-download it")
        #expect(error.description.hasPrefix("malformed.xml:7: the XML is malformed"))
    }

    @Test func rejectsAnUnknownRootElement() throws {
        let error = try #require(throws: IngestError.self) { try parse("unknown-root.xml") }
        #expect(error.message == "expected RSS, RDF or Atom, found <foo>")
        #expect(error.line == 2)
        let page = try #require(throws: IngestError.self) {
            try XMLFeedParser.parse(Array("<html><body/></html>".utf8), file: "page.xml")
        }
        #expect(page.message == "expected RSS, RDF or Atom, found <html>")
        #expect(page.fix?.contains("web page") == true)
    }

    @Test func saysWhenAWebPageWasDownloadedInsteadOfAFeed() throws {
        let page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Home</title></head><body></body></html>"
        let error = try #require(throws: IngestError.self) { try XMLFeedParser.parse(Array(page.utf8), file: "page.html") }
        #expect(error.message.hasPrefix("the XML is malformed at line 2: Opening and ending tag mismatch: meta"))
        #expect(error.fix?.hasPrefix("this looks like a web page, not a feed") == true)
    }

    @Test func rejectsRSSWithoutAChannel() throws {
        let error = try #require(throws: IngestError.self) {
            try XMLFeedParser.parse(Array("<rss version=\"2.0\"></rss>".utf8), file: "empty.xml")
        }
        #expect(error.message == "the <rss> element has no <channel>")
    }

    @Test func readsUndeclaredPrefixesByConvention() throws {
        // dc: is used without xmlns:dc — libxml2 warns, the reader still finds the creator.
        let xml = "<rss><channel><title>T</title><item><title>I</title><dc:creator>Kim</dc:creator></item></channel></rss>"
        let item = try #require(try XMLFeedParser.parse(Array(xml.utf8), file: "f.xml").items.first)
        #expect(item.authors == ["Kim"])
    }

    @Test func readsRSS091WithItsUnloadedDoctype() throws {
        // The Netscape DTD declares &nbsp; but is never fetched: HTML 4's entity table stands in for it.
        let xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old&nbsp;School</title><link>http://old.example.com/</link>
            <item><title>Item</title><link>http://old.example.com/1</link><description>Hello</description></item>
            </channel></rss>
            """
        let document = try XMLFeedParser.parse(Array(xml.utf8), file: "old.xml")
        #expect(document.format == .rss2)
        #expect(document.publisher == "Old School")
        #expect(document.items.first?.link == "http://old.example.com/1")
    }

    @Test func readsRSSInADeclaredNamespace() throws {
        let xml = """
            <rss xmlns="http://backend.userland.com/rss2" version="2.0"><channel><title>NS</title>
            <item><title>One</title><guid>https://ns.example.com/1</guid></item></channel></rss>
            """
        let document = try XMLFeedParser.parse(Array(xml.utf8), file: "ns.xml")
        #expect(document.publisher == "NS")
        #expect(document.items.first?.link == "https://ns.example.com/1")
    }

    @Test func readsPrefixedXHTMLContent() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="http://www.w3.org/1999/xhtml"><title>P</title>
            <entry><id>1</id><title>T</title><content type="xhtml"><x:div><x:p>One</x:p><x:p>Two <x:em>em</x:em></x:p></x:div></content></entry>
            </feed>
            """
        let item = try #require(try XMLFeedParser.parse(Array(xml.utf8), file: "x.xml").items.first)
        #expect(item.contentMarkdown == "One\n\nTwo *em*")
    }
}
