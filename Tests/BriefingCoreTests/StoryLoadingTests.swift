import Foundation
import Testing
@testable import BriefingCore

@Suite struct StoryLoadingTests {
    static func story(_ title: String, extra: String = "") -> String {
        "---\ntitle: \"\(title)\"\nsummary: Where \(title) stands.\n\(extra)---\nWhat is happening.\n"
    }

    func problems(_ site: TemporarySite) -> [ContentProblem] {
        do {
            _ = try SiteLoader(directory: site.directory).load()
            return []
        } catch {
            return error.problems
        }
    }

    @Test func storiesLoadAndKnowTheirBriefsCompaniesAndTopics() throws {
        let site = try TemporarySite([
            "content/topics/ai-chips.md": TemporarySite.topic("AI chips"),
            "content/companies/nvidia.md": TemporarySite.company("Nvidia"),
            "content/companies/huawei.md": TemporarySite.company("Huawei"),
            "content/stories/chip-ban.md": Self.story("Chip ban", extra: "status: developing\ncompanies: [nvidia]\n"),
            "content/stories/quiet.md": Self.story("A quiet story", extra: "status: concluded\ntopics: [ai-chips]\n"),
            "content/briefs/2025/old.md": TemporarySite.brief(
                title: "Old", date: "2025-08-01", extra: "companies: [huawei]\nstories: [chip-ban]\n"),
            "content/briefs/2025/new.md": TemporarySite.brief(title: "New", date: "2025-09-01", extra: "stories: [chip-ban]\n"),
            "content/briefs/2025/alone.md": TemporarySite.brief(title: "Alone", date: "2025-09-02", extra: "stories: []\n"),
        ])
        let loaded = try SiteLoader(directory: site.directory).load()
        // Latest activity first; a story without briefs last.
        #expect(loaded.stories.map(\.slug.rawValue) == ["chip-ban", "quiet"])
        let ban = try #require(loaded.story(Slug(validating: "chip-ban")!))
        #expect(ban.status == .developing)
        #expect(ban.body == "What is happening.\n")
        #expect(loaded.story(Slug(validating: "quiet")!)?.status == .concluded)
        #expect(loaded.briefs(inStory: ban.slug).map(\.title) == ["New", "Old"])
        #expect(loaded.stories(of: loaded.brief(Slug(validating: "old")!)!).map(\.title) == ["Chip ban"])
        #expect(loaded.brief(Slug(validating: "alone")!)?.stories == [])
        // A story involves the companies it names and those its briefs name.
        #expect(loaded.stories(involving: Slug(validating: "huawei")!).map(\.title) == ["Chip ban"])
        #expect(loaded.stories(involving: Slug(validating: "nvidia")!).map(\.title) == ["Chip ban"])
        #expect(loaded.stories(inTopic: Slug(validating: "ai-chips")!).map(\.title) == ["A quiet story"])
    }

    @Test func anUnknownStoryIsReportedAtItsLineWithTheClosestSlug() throws {
        let site = try TemporarySite([
            "content/stories/chip-ban.md": Self.story("Chip ban"),
            "content/briefs/2025/a.md": TemporarySite.brief(title: "A", extra: "summary: S.\nstories: [chip-bans]\n"),
        ])
        let found = problems(site)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.file == "content/briefs/2025/a.md")
        #expect(problem.line == 5)
        #expect(problem.rule == ContentProblem.unknownStory)
        #expect(problem.message == "unknown story `chip-bans`")
        #expect(problem.fix?.hasPrefix("did you mean `chip-ban`?") == true)
    }

    @Test func aStoryWithoutTitleABadStatusOrUnknownCompaniesIsReported() throws {
        let site = try TemporarySite([
            "content/companies/nvidia.md": TemporarySite.company("Nvidia"),
            "content/stories/untitled.md": "---\nsummary: No title.\n---\nBody.\n",
            "content/stories/bad-status.md": Self.story("Bad", extra: "status: ongoing\n"),
            "content/stories/unknown.md": Self.story("Unknown", extra: "companies: [nvidai]\n"),
        ])
        let found = problems(site).sorted { $0.file < $1.file }
        #expect(found.map(\.file) == ["content/stories/bad-status.md", "content/stories/unknown.md", "content/stories/untitled.md"])
        #expect(found[0].message.contains("`ongoing`"))
        #expect(found[0].line == 4)
        #expect(found[1].message == "unknown company `nvidai`")
        #expect(found[1].fix?.hasPrefix("did you mean `nvidia`?") == true)
        #expect(found[2].fix?.contains("title") == true)
    }

    @Test func aBriefMayShareItsStorysSlug() throws {
        // Stories and briefs live under different URLs, so a brief may share its story's slug.
        let site = try TemporarySite([
            "content/stories/chip-ban.md": Self.story("Chip ban"),
            "content/briefs/2025/chip-ban.md": TemporarySite.brief(title: "Chip ban", extra: "stories: [chip-ban]\n"),
        ])
        #expect(problems(site).isEmpty)
    }
}
