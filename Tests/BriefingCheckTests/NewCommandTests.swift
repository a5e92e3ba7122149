import BriefingCore
import Foundation
import Testing
@testable import BriefingScaffold
@testable import briefing

/// `briefing new brief|company|topic`: each writes a file that loads cleanly, and never over another.
@Suite struct NewCommandTests {
    static let now = Timestamp(iso: "2025-09-09T10:11:12Z")!

    func scaffolder(_ site: CheckSite) -> Scaffolder { Scaffolder(siteDirectory: site.directory, now: NewCommandTests.now) }

    @Test func aNewBriefIsDatedNowAndLoadsCleanly() throws {
        let site = try CheckSite.clean()
        let path = try scaffolder(site).newBrief(title: "Huawei's new Ascend chip", topics: ["ai-chips"], companies: ["nvidia"])
        #expect(path == "content/briefs/2025/huaweis-new-ascend-chip.md")
        let text = try #require(site.read(path))
        #expect(text.contains("id: \"tag:example.org,2025-09-09:huaweis-new-ascend-chip\"\n"))
        #expect(text.contains("title: \"Huawei's new Ascend chip\"\n"))
        #expect(text.contains("date: 2025-09-09T10:11:12Z\n"))
        #expect(text.contains("topics: [ai-chips]\ncompanies: [nvidia]\n"))
        #expect(text.contains("## Key points"))

        let loaded = try SiteLoader(directory: site.directory).load()
        let brief = try #require(loaded.brief(Slug(validating: "huaweis-new-ascend-chip")!))
        #expect(brief.title == "Huawei's new Ascend chip")
        #expect(brief.topics.map(\.rawValue) == ["ai-chips"])
        #expect(brief.sources == [])
        // Loading is clean, but check says what is left to write.
        #expect(site.contentProblems().filter { $0.file == path }.map(\.rule) == [.missingSummary, .emptyBody])
    }

    @Test func aGivenDayAndSlugAreUsed() throws {
        let site = try CheckSite.clean()
        let path = try scaffolder(site).newBrief(title: "Anything", day: "2024-02-29", slug: "leap-day")
        #expect(path == "content/briefs/2024/leap-day.md")
        #expect(site.read(path)?.contains("date: 2024-02-29\n") == true)
        #expect(throws: ScaffoldError.self) { try scaffolder(site).newBrief(title: "Anything", day: "2024-02-30") }
        #expect(throws: ScaffoldError.self) { try scaffolder(site).newBrief(title: "Anything", slug: "Not A Slug") }
    }

    @Test func aNewBriefRefusesToOverwriteAndNamesTheFile() throws {
        let site = try CheckSite.clean()
        let before = site.read("content/briefs/2025/h20.md")
        let error = try #require(throws: ScaffoldError.self) { try scaffolder(site).newBrief(title: "H20") }
        #expect(error.file == "content/briefs/2025/h20.md")
        #expect(error.message.contains("already exists"))
        #expect(site.read("content/briefs/2025/h20.md") == before)

        // The slug is the URL: one in another year's folder is taken too.
        let older = try #require(throws: ScaffoldError.self) {
            try Scaffolder(siteDirectory: site.directory, now: Timestamp(iso: "2026-01-02")!).newBrief(title: "H20")
        }
        #expect(older.file == "content/briefs/2025/h20.md")
    }

    @Test func unknownTopicsAndCompaniesAreRejectedWithTheKnownOnes() throws {
        let site = try CheckSite.clean()
        let topic = try #require(throws: ScaffoldError.self) { try scaffolder(site).newBrief(title: "X", topics: ["ai-chip"]) }
        #expect(topic.file == "--topic")
        #expect(topic.message == "unknown topic `ai-chip`")
        #expect(topic.fix?.hasPrefix("did you mean `ai-chips`?") == true)
        let company = try #require(throws: ScaffoldError.self) { try scaffolder(site).newBrief(title: "X", companies: ["huawei"]) }
        #expect(company.fix?.contains("(known: nvidia)") == true)
        #expect(!FileManager.default.fileExists(atPath: site.directory.appendingPathComponent("content/briefs/2025/x.md").path))
    }

    @Test func aNewCompanyLoadsCleanlyAndRefusesToOverwrite() throws {
        let site = try CheckSite.clean()
        let path = try scaffolder(site).newCompany(name: "Cambricon Technologies")
        #expect(path == "content/companies/cambricon-technologies.md")
        let loaded = try SiteLoader(directory: site.directory).load()
        #expect(loaded.company(Slug(validating: "cambricon-technologies")!)?.name == "Cambricon Technologies")
        #expect(loaded.company(Slug(validating: "cambricon-technologies")!)?.website == nil)

        let again = try #require(throws: ScaffoldError.self) { try scaffolder(site).newCompany(name: "Cambricon Technologies") }
        #expect(again.file == path)
        let other = try #require(throws: ScaffoldError.self) { try scaffolder(site).newCompany(name: "Cambricon", slug: "cambricon-technologies") }
        #expect(other.message.contains("already exists"))
    }

    @Test func aNewTopicLoadsCleanlyAndRefusesToOverwrite() throws {
        let site = try CheckSite.clean()
        let path = try scaffolder(site).newTopic(name: "Robotics & Automation")
        #expect(path == "content/topics/robotics-automation.md")
        let loaded = try SiteLoader(directory: site.directory).load()
        #expect(loaded.topic(Slug(validating: "robotics-automation")!)?.keywords == ["robotics & automation"])
        #expect(throws: ScaffoldError.self) { try scaffolder(site).newTopic(name: "robotics & automation") }
    }

    @Test func aNewStoryLoadsCleanlyAndRefusesASecondWithItsTitle() throws {
        let site = try CheckSite.clean()
        let path = try scaffolder(site).newStory(title: "China discourages Nvidia purchases")
        #expect(path == "content/stories/china-discourages-nvidia-purchases.md")
        let loaded = try SiteLoader(directory: site.directory).load()
        let story = try #require(loaded.story(Slug(validating: "china-discourages-nvidia-purchases")!))
        #expect(story.title == "China discourages Nvidia purchases")
        #expect(story.status == .developing)
        let again = try #require(throws: ScaffoldError.self) {
            try scaffolder(site).newStory(title: "china discourages nvidia purchases", slug: "other")
        }
        #expect(again.file == path)
        #expect(throws: ScaffoldError.self) { try scaffolder(site).newStory(title: "  ") }
        #expect(try Briefing.parseAsRoot(["new", "story", "A story"]) is NewStory)
    }

    @Test func theCommandLineParsesRepeatedTopicsAndCompanies() throws {
        let command = try #require(try Briefing.parseAsRoot(["new", "brief", "A title", "--topic", "a", "--topic", "b", "--company", "c"]) as? NewBrief)
        #expect(command.title == "A title")
        #expect(command.topics == ["a", "b"])
        #expect(command.companies == ["c"])
    }
}
