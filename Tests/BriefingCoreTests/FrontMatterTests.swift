import Foundation
import Testing
@testable import BriefingCore

@Suite struct FrontMatterTests {
    @Test func windowsLineEndingsAreFrontMatterToo() throws {
        let matter = try FrontMatter.parse("---\r\ntitle: Crossing\r\ndate: 2025-09-01\r\n---\r\nBody line.\r\n", file: "x.md")
        var fields = matter.fields
        #expect(fields.string("title") == "Crossing")
        #expect(matter.body == "Body line.\r\n")
        #expect(matter.bodyLine == 5)
    }

    @Test func aBriefRemembersWhereItsBodyStartsInBytes() throws {
        let text = "\u{FEFF}---\ntitle: \"Ünïcode — title\"\ndate: 2025-09-01\n---\nThe body.\n"
        let site = try TemporarySite(["content/briefs/2025/one.md": text])
        let brief = try #require(try SiteLoader(directory: site.directory).load().briefs.first)
        let bytes = Array(text.utf8)
        #expect(Array(bytes[brief.location.bodyOffset...]) == Array("The body.\n".utf8))
    }
}
