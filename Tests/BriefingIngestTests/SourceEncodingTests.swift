import BriefingCore
import Foundation
import Testing
@testable import BriefingIngest

/// Feeds in the encodings XML allows and feed readers accept are read as their publishers meant them.
@Suite struct SourceEncodingTests {
    @Test(arguments: ["rss2-utf16be.xml", "rss2-utf16le.xml"])
    func utf16FeedsWithAByteOrderMarkAreRead(_ fixture: String) throws {
        let document = try SourceReader.parse(try FeedFixtures.bytes(fixture), file: fixture)
        #expect(document.format == .rss2)
        #expect(document.publisher == "Wide Desk — 宽")
        #expect(document.items.first?.title == "Huawei’s Ascend, in UTF-16")
        #expect(document.items.first?.summary == "华为 ships a chip.")
    }

    @Test func utf16WithoutAByteOrderMarkIsToldByItsDeclaration() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>No BOM</title></channel></rss>"#
        for bytes in [Array(xml.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
                      Array(xml.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }] {
            #expect(try SourceReader.parse(bytes, file: "wide.xml").publisher == "No BOM")
        }
    }

    @Test func windows1252MislabelledAsLatin1IsReadAsWindows1252() throws {
        let document = try XMLFeedParser.parse(try FeedFixtures.bytes("rss2-windows1252-as-latin1.xml"), file: "latin.xml")
        #expect(document.publisher == "Café Desk")
        #expect(document.items.first?.title == "Nvidia don’t ship “H20” chips – yet")
        #expect(document.items.first?.summary?.hasPrefix("It’s € 50") == true)
    }

    @Test func c1ControlsInUTF8AreMappedAsWindows1252() {
        let bytes = Array("don".utf8) + [0xC2, 0x92] + Array("t".utf8)
        #expect(String(decoding: SourceEncoding.mappingC1Controls(bytes), as: UTF8.self) == "don’t")
    }

    @Test func aFeedWithControlCharactersStillMakesBriefsTheBuildLoads() throws {
        let site = try IngesterTests.makeSite()
        let source = IngestSource(name: "latin.xml", bytes: try FeedFixtures.bytes("rss2-windows1252-as-latin1.xml"))
        let report = try Ingester(siteDirectory: site).ingest([source])
        #expect(report.count(.written) == 1)
        let brief = try #require(try SiteLoader(directory: site).load().briefs.first)
        #expect(brief.title == "Nvidia don’t ship “H20” chips – yet")
        // Windows-1252 leaves 0x81 undefined: it stays a control character, escaped in the YAML, and loads.
        #expect(brief.summary.contains("\u{81}"))
    }
}
