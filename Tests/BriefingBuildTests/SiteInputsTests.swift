import Foundation
import Testing
@testable import BriefingBuild

@Suite struct SiteInputsTests {
    @Test func theStampsDigestIgnoresOrderAndSeesEveryStamp() {
        let stamps = [("content/a.md", FileStamp(size: 10, modified: 1)), ("content/b.md", FileStamp(size: 20, modified: 2))]
        let digest = SiteInputs.stampsDigest(stamps)
        #expect(SiteInputs.stampsDigest(stamps.reversed()) == digest)
        #expect(SiteInputs.stampsDigest([stamps[0], ("content/b.md", FileStamp(size: 20, modified: 3))]) != digest)
        #expect(SiteInputs.stampsDigest([stamps[0], ("content/b.md", FileStamp(size: 21, modified: 2))]) != digest)
        #expect(SiteInputs.stampsDigest([stamps[0]]) != digest)
    }

    /// The guess a build makes before its manifest loads (`SiteBuilder.inputStampsURL`) is kept current: after a
    /// build, and after a no-op that found a file touched but unchanged.
    @Test func eachBuildLeavesTheStampsOfTheInputsItRead() throws {
        let site = try BuildTestSite(SiteBuilderTests.files)
        let builder = SiteBuilder(siteDirectory: site.directory)
        _ = try builder.build()
        func saved() -> String? { try? String(contentsOf: builder.inputStampsURL, encoding: .utf8) }
        func current() -> String { SiteInputs.stampsDigest(SiteInputs.stamps(site: site.directory)).hex }
        #expect(saved() == current())

        let brief = site.directory.appendingPathComponent("content/briefs/2025/chips.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: brief.path)
        #expect(saved() != current())
        let touched = try builder.build()
        #expect(touched.rendered == 0)
        #expect(saved() == current())

        try site.write("content/briefs/2025/chips.md", SiteBuilderTests.brief.replacingOccurrences(of: "Body", with: "Prose"))
        #expect(saved() != current())
        _ = try builder.build()
        #expect(saved() == current())
        #expect(site.read("briefs/chips/index.html")?.contains("Prose") == true)
    }
}
