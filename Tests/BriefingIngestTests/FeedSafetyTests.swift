import Foundation
import Testing
@testable import BriefingIngest

/// Hostile and broken input: each has a defined outcome, and none may crash, hang or read local files.
@Suite struct FeedSafetyTests {
    private static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
        <!ENTITY lol "lol">
        <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
        <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
        <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>Bomb</title>
        <item><title>&lol9;</title><description>&lol9;</description></item>
        </channel></rss>
        """

    @Test func refusesAnEntityExpansionBomb() throws {
        let error = try #require(throws: IngestError.self) {
            try XMLFeedParser.parse(Array(Self.billionLaughs.utf8), file: "bomb.xml")
        }
        #expect(error.message.contains("entities that expand without bound"))
        #expect(error.message.contains("billion laughs"))
    }

    @Test func neverReadsExternalEntities() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("feed-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "SECRET-\(UUID().uuidString)"
        let secretFile = directory.appendingPathComponent("secret.txt")
        try Data(secret.utf8).write(to: secretFile)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            <!ENTITY general SYSTEM "\(secretFile.absoluteString)">
            <!ENTITY % parameter SYSTEM "\(secretFile.absoluteString)">
            %parameter;
            ]>
            <rss version="2.0"><channel><title>Feed &general;</title>
            <item><title>Item &general;</title><description>Text &general; end</description>
            <link>https://example.com/&general;</link></item>
            </channel></rss>
            """
        let document = try XMLFeedParser.parse(Array(xml.utf8), file: "xxe.xml")
        #expect(!"\(document)".contains(secret))
        let item = try #require(document.items.first)
        #expect(item.title == "Item")
        #expect(item.summary == "Text end")
    }

    @Test func expandsInternalEntitiesAsTheDocumentDeclaresThem() throws {
        // Issue 14: dropping `&company;` corrupted text and, in a guid, made ids collide.
        let xml = """
            <!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY company "Acme &amp; <b>Sons</b>"><!ENTITY id "p=&num;"><!ENTITY num "42">]>
            <rss><channel><item><title>A&nbsp;B &company;</title><guid isPermaLink="false">tag:acme,2025:&id;</guid></item>
            <item><title>Other</title><guid isPermaLink="false">tag:acme,2025:&id;-2</guid></item></channel></rss>
            """
        let items = try XMLFeedParser.parse(Array(xml.utf8), file: "e.xml").items
        #expect(items.first?.title == "A B Acme & Sons")
        #expect(items.map(\.guid) == ["tag:acme,2025:p=42", "tag:acme,2025:p=42-2"])
    }

    @Test func boundsWhatInternalEntitiesExpandTo() throws {
        // A quadratic blow-up: one large entity used many times (libxml2 lets it through without substitution).
        let large = String(repeating: "x", count: 20_000)
        let uses = String(repeating: "&big;", count: 2_000)
        let xml = "<!DOCTYPE rss [<!ENTITY big \"\(large)\">]><rss><channel><item><title>\(uses)</title></item></channel></rss>"
        let title = try #require(try XMLFeedParser.parse(Array(xml.utf8), file: "blowup.xml").items.first?.title)
        #expect(title.utf8.count <= EntityExpansion.budget)
        #expect(title.utf8.count >= large.utf8.count)
    }

    @Test func reportsATruncatedFile() throws {
        let whole = try FeedFixtures.bytes("rss2-wordpress.xml")
        for cut in [whole.count / 3, whole.count / 2, whole.count - 20] {
            let error = try #require(throws: IngestError.self) {
                try XMLFeedParser.parse(Array(whole[..<cut]), file: "cut.xml")
            }
            #expect(error.message.hasPrefix("the XML ends before its elements are closed"), "cut at \(cut)")
            #expect(error.fix == "the file looks truncated; download it again")
            #expect(error.line != nil)
        }
    }

    @Test func reportsAnUndeclaredHTMLEntity() throws {
        let error = try #require(throws: IngestError.self) {
            try XMLFeedParser.parse(Array("<rss><channel><title>A&nbsp;B</title></channel></rss>".utf8), file: "n.xml")
        }
        #expect(error.message == "the XML is malformed at line 1: Entity 'nbsp' not defined")
        #expect(error.fix?.contains("&amp;nbsp;") == true)
    }

    @Test func repairsInvalidUTF8() throws {
        var bytes = Array("<rss><channel><title>Caf".utf8)
        bytes += [0xC3]  // a lead byte with no continuation
        bytes += Array(" \u{1}Bar</title><item><title>Ok".utf8) + [0xFF, 0xFE] + Array("</title></item></channel></rss>".utf8)
        let document = try XMLFeedParser.parse(bytes, file: "bad.xml")
        #expect(document.publisher == "Caf\u{FFFD} Bar")
        #expect(document.items.first?.title == "Ok\u{FFFD}\u{FFFD}")

        let json = Array("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"X".utf8) + [0xFF]
            + Array("\",\"items\":[]}".utf8)
        #expect(try JSONFeedParser.parse(json, file: "bad.json").publisher == "X\u{FFFD}")
    }

    @Test func leavesDeclaredNonUTF8EncodingsToLibXML() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf".utf8) + [0xE9]
            + Array("</title></channel></rss>".utf8)
        #expect(try XMLFeedParser.parse(bytes, file: "latin1.xml").publisher == "Café")
    }

    @Test func skipsAByteOrderMark() throws {
        let xml = [0xEF, 0xBB, 0xBF] + Array("<rss><channel><title>BOM</title></channel></rss>".utf8)
        #expect(try XMLFeedParser.parse(xml, file: "bom.xml").publisher == "BOM")
        let json = [0xEF, 0xBB, 0xBF] + Array("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[]}".utf8)
        #expect(try JSONFeedParser.parse(json, file: "bom.json").publisher == "J")
    }

    @Test func refusesEmptyFiles() throws {
        let empty = try #require(throws: IngestError.self) { try XMLFeedParser.parse([], file: "e.xml") }
        #expect(empty.message == "the file is empty")
        let blank = try #require(throws: IngestError.self) { try XMLFeedParser.parse([0xEF, 0xBB, 0xBF, 0x0A], file: "b.xml") }
        #expect(blank.message == "the file is empty (only whitespace)")
    }

    @Test func refusesFilesOverTheSizeLimitQuickly() throws {
        // 100 MB, written to a temporary file and read back, as ingest would.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        var item = Array("<item><title>Filler</title><description>".utf8)
        item += Array(repeating: UInt8(ascii: "x"), count: 1_000) + Array("</description></item>\n".utf8)
        var data = Data("<rss version=\"2.0\"><channel>\n".utf8)
        while data.count < 100_000_000 { data.append(contentsOf: item) }
        data.append(contentsOf: Array("</channel></rss>\n".utf8))
        try data.write(to: url)
        let bytes = Array(try Data(contentsOf: url))

        let error = try #require(throws: IngestError.self) { try XMLFeedParser.parse(bytes, file: "huge.xml") }
        #expect(error.message == "the file is 100.0 MB; feeds larger than 64 MiB are refused")
        let jsonError = try #require(throws: IngestError.self) { try JSONFeedParser.parse(bytes, file: "huge.json") }
        #expect(jsonError.message == error.message)
    }

    @Test func parsesAFeedOfManyItems() throws {
        var xml = "<rss version=\"2.0\"><channel><title>Many</title>\n"
        for index in 0..<3_000 {
            xml += "<item><title>Item \(index)</title><link>https://example.com/\(index)</link>"
                + "<description>&lt;p&gt;Body \(index) with &lt;b&gt;bold&lt;/b&gt; text.&lt;/p&gt;</description></item>\n"
        }
        xml += "</channel></rss>"
        let document = try XMLFeedParser.parse(Array(xml.utf8), file: "many.xml")
        #expect(document.items.count == 3_000)
        #expect(document.items.last?.contentMarkdown == "Body 2999 with **bold** text.")
        #expect(document.items.last?.line == 3_001)
    }

    @Test func survivesDeeplyNestedInput() throws {
        let html = String(repeating: "<div><blockquote><ul><li><b><i>", count: 5_000) + "deep"
        let markdown = HTMLConverter.markdown(fromHTML: html, baseURL: nil)
        #expect(markdown.contains("deep") || markdown.isEmpty)
        let xml = "<rss><channel><item><description>" + String(repeating: "<div>", count: 10_000) + "x"
            + String(repeating: "</div>", count: 10_000) + "</description></item></channel></rss>"
        let error = try #require(throws: IngestError.self) { try XMLFeedParser.parse(Array(xml.utf8), file: "deep.xml") }
        #expect(error.message.contains("malformed"))
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let jsonError = try #require(throws: IngestError.self) { try JSONFeedParser.parse(Array(json.utf8), file: "deep.json") }
        #expect(jsonError.message.hasPrefix("the JSON is malformed"))
    }

    @Test func parsesConcurrently() async throws {
        let feeds = try ["rss2-wordpress.xml", "rss1.rdf", "atom.xml", "rss2-edge-cases.xml"].map { try FeedFixtures.bytes($0) }
        let expected = try feeds.map { try XMLFeedParser.parse($0, file: "f") }
        let results = await withTaskGroup(of: Bool.self) { group in
            for round in 0..<32 {
                let index = round % feeds.count
                let bytes = feeds[index]
                let want = expected[index]
                group.addTask { (try? XMLFeedParser.parse(bytes, file: "f")) == want }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
    }
}
