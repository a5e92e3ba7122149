import BriefingCore
import Testing
@testable import BriefingIngest

@Suite struct JSONFeedParserTests {
    @Test func readsJSONFeed11() throws {
        let document = try JSONFeedParser.parse(try FeedFixtures.bytes("jsonfeed-1.1.json"), file: "feed.json")
        #expect(document.format == .jsonFeed)
        #expect(document.publisher == "JSON Example")
        #expect(document.link == "https://json.example.com/")
        // The third "item" is not an object and is skipped.
        #expect(document.items.count == 2)

        let first = document.items[0]
        #expect(first.guid == "1")
        #expect(first.title == "First post")
        #expect(first.link == "https://json.example.com/posts/1")
        #expect(first.published == Timestamp(year: 2025, month: 9, day: 9, hour: 8))
        #expect(first.updated == Timestamp(year: 2025, month: 9, day: 10, hour: 10))
        #expect(first.authors == ["Ada", "Grace"])
        #expect(first.categories == ["greetings", "intro"])
        #expect(first.summary == "A greeting.")
        #expect(first.contentMarkdown == "Hello [about](https://json.example.com/about) world.")
        #expect(first.line == nil)

        let second = document.items[1]
        #expect(second.guid == "2")
        #expect(second.title == nil)
        #expect(second.link == "https://json.example.com/posts/2")
        #expect(second.authors == ["Feed Writer"])
        #expect(second.contentMarkdown == "Text only. It has two sentences. And a third.")
        #expect(second.summary == "Text only. It has two sentences.")
    }

    @Test func readsJSONFeed10() throws {
        let document = try JSONFeedParser.parse(try FeedFixtures.bytes("jsonfeed-1.0.json"), file: "old.json")
        #expect(document.publisher == "Old JSON")
        let item = try #require(document.items.first)
        #expect(item.authors == ["Solo Author"])
        #expect(item.link == "https://linked.example.com/story")
        #expect(item.contentMarkdown == "Link post.")
        #expect(item.summary == "Link post.")
    }

    @Test func reportsMalformedJSONWithALine() throws {
        let error = try #require(throws: IngestError.self) {
            try JSONFeedParser.parse(Array("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"items\": [1,\n".utf8), file: "cut.json")
        }
        #expect(error.message.hasPrefix("the JSON is malformed"))
        #expect(error.fix == "fix the file or re-download it")
    }

    @Test func rejectsJSONThatIsNotAFeed() throws {
        let array = try #require(throws: IngestError.self) { try JSONFeedParser.parse(Array("[1, 2]".utf8), file: "a.json") }
        #expect(array.message == "expected a JSON Feed object, found a JSON array")
        let noVersion = try #require(throws: IngestError.self) {
            try JSONFeedParser.parse(Array("{\"items\": []}".utf8), file: "b.json")
        }
        #expect(noVersion.message.contains("no JSON Feed \"version\""))
        let noItems = try #require(throws: IngestError.self) {
            try JSONFeedParser.parse(Array("{\"version\": \"https://jsonfeed.org/version/1.1\"}".utf8), file: "c.json")
        }
        #expect(noItems.message == "the JSON Feed has no \"items\" array")
        let empty = try #require(throws: IngestError.self) { try JSONFeedParser.parse(Array(" \n".utf8), file: "d.json") }
        #expect(empty.message == "the file is empty")
    }

    @Test func dropsUnsafeLinksInJSONContent() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "items": [
              {"id": "x", "url": "javascript:alert(1)", "content_html": "<a href='data:text/html,x'>t</a><script>bad()</script>"}
            ]}
            """
        let item = try #require(try JSONFeedParser.parse(Array(json.utf8), file: "x.json").items.first)
        #expect(item.link == nil)
        #expect(item.contentMarkdown == "t")
    }
}
