import Foundation
@testable import BriefingBuild

/// A generated site and the random edits an editor might make to it, for the random edit-sequence tests.
struct SiteEditor {
    let site: BuildTestSite
    private(set) var briefs: [String: BriefFile] = [:]
    private var nextNumber = 0
    let topics = ["ai-chips", "policy", "memory", "cloud"]
    let companies = ["nvidia", "huawei", "smic", "tsmc", "alibaba"]
    /// The search shard size the builds use (`SiteBuilder.searchShardLimit`), nil for the default: the sequences
    /// make it small, so that a few briefs make many shards and an edit reaches some of them and not others.
    var searchShardLimit: Int?
    /// Story slug → its title; briefs join and leave them, and they are renamed.
    private(set) var stories: [String: String] = ["chip-ban": "Chip ban", "memory-race": "Memory race"]

    /// One brief's editable fields.
    struct BriefFile {
        var title: String
        var date: String
        var topics: [String]
        var companies: [String]
        var stories: [String] = []
        var body: String
        var eventDate: String?

        var text: String {
            var text = "---\ntitle: \"\(title)\"\ndate: \(date)\nsummary: Summary of \(title).\n"
            text += "topics: [\(topics.joined(separator: ", "))]\ncompanies: [\(companies.joined(separator: ", "))]\n"
            if !stories.isEmpty { text += "stories: [\(stories.joined(separator: ", "))]\n" }
            if let eventDate, let company = companies.first {
                text += "events:\n  - date: \(eventDate)\n    text: Event of \(title)\n    companies: [\(company)]\n"
            }
            return text + "---\n\(body)\n"
        }
    }

    init(random: inout SeededRandom, briefs count: Int = 14) throws {
        site = try BuildTestSite([
            "briefing.yml": "title: Random Desk\nbaseURL: https://example.org/r/\npageSize: 3\nhomeBriefs: 5\nfeeds:\n  entries: 4\n"
        ])
        for topic in topics { try site.write("content/topics/\(topic).md", "---\nname: \(topic.capitalized)\nkeywords: [\(topic)]\n---\nAbout \(topic).\n") }
        for company in companies { try site.write("content/companies/\(company).md", "---\nname: \(company.capitalized)\n---\nProfile.\n") }
        for story in stories.keys.sorted() { try saveStory(story) }
        for _ in 0..<count { try addBrief(random: &random) }
    }

    func saveStory(_ slug: String) throws {
        guard let title = stories[slug] else { return }
        try site.write("content/stories/\(slug).md", "---\ntitle: \"\(title)\"\nsummary: Where \(title) stands.\ncompanies: [nvidia]\n---\nWhat is happening in \(title).\n")
    }

    mutating func addBrief(random: inout SeededRandom) throws {
        nextNumber += 1
        let slug = "brief-\(nextNumber)"
        let file = BriefFile(
            title: "Brief \(nextNumber) & co", date: randomDate(&random),
            topics: Array(topics.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))),
            companies: Array(companies.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))),
            stories: Bool.random(using: &random) ? [stories.keys.sorted().randomElement(using: &random) ?? "chip-ban"] : [],
            body: "Body of brief \(nextNumber) on \(word(&random)) and \(word(&random)).\n\n- point \(Int.random(in: 0...99, using: &random))",
            eventDate: Bool.random(using: &random) ? String(randomDate(&random).prefix([4, 7, 10].randomElement(using: &random) ?? 10)) : nil)
        briefs[slug] = file
        try save(slug)
    }

    /// A made-up word: each brief has a few terms of its own, so that a brief reaches only some search shards.
    func word(_ random: inout SeededRandom) -> String {
        String((0..<Int.random(in: 4...7, using: &random)).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &random) ?? "a" })
    }

    func randomDate(_ random: inout SeededRandom) -> String {
        "202\(Int.random(in: 3...5, using: &random))-\(String(format: "%02d", Int.random(in: 1...12, using: &random)))-\(String(format: "%02d", Int.random(in: 1...28, using: &random)))"
    }

    func save(_ slug: String) throws {
        guard let file = briefs[slug] else { return }
        try site.write("content/briefs/\(file.date.prefix(4))/\(slug).md", file.text)
    }

    func delete(_ slug: String) throws {
        guard let file = briefs[slug] else { return }
        try FileManager.default.removeItem(at: site.directory.appendingPathComponent("content/briefs/\(file.date.prefix(4))/\(slug).md"))
    }

    /// One random edit: what it was, and whether it touched brief files alone.
    struct RandomEdit: CustomStringConvertible {
        let description: String
        let touchedBriefsOnly: Bool
    }

    /// Applies one random edit and says what it was.
    mutating func applyRandomEdit(random: inout SeededRandom) throws -> RandomEdit {
        let slugs = briefs.keys.sorted()
        guard let slug = slugs.randomElement(using: &random) else {
            try addBrief(random: &random)
            return RandomEdit(description: "add", touchedBriefsOnly: true)
        }
        let kind = Int.random(in: 0..<18, using: &random)
        let description = try apply(kind, to: slug, random: &random)
        return RandomEdit(description: description, touchedBriefsOnly: [0, 1, 2, 3, 4, 5, 6, 12, 13, 16, 17].contains(kind))
    }

    private mutating func apply(_ kind: Int, to slug: String, random: inout SeededRandom) throws -> String {
        switch kind {
        case 17:
            // Back to a year before the archive's: the search numbering then starts on another day, and every number moves.
            try delete(slug)
            let date = "20\(Int.random(in: 18...22, using: &random))-\(randomDate(&random).dropFirst(5))"
            briefs[slug]?.date = date
            try save(slug)
            return "backdate \(slug)"
        case 16:
            // Onto another brief's day at a time of day from a few: briefs of one day then meet in the search numbering.
            guard let other = briefs.keys.sorted().randomElement(using: &random), let day = briefs[other]?.date.prefix(10) else { return "no day" }
            let hour = ["00", "06", "11", "12", "12", "23"].randomElement(using: &random) ?? "12"
            try delete(slug)
            briefs[slug]?.date = "\(day)T\(hour):\(["05", "40"].randomElement(using: &random) ?? "05"):00Z"
            try save(slug)
            return "move \(slug) to \(other)'s day"
        case 12:
            let story = stories.keys.sorted().randomElement(using: &random) ?? "chip-ban"
            guard briefs[slug]?.stories.contains(story) == false else { return "\(slug) already in \(story)" }
            briefs[slug]?.stories.append(story)
            try save(slug)
            return "\(slug) joins story \(story)"
        case 13:
            guard let story = briefs[slug]?.stories.first else { return "\(slug) is in no story" }
            briefs[slug]?.stories.removeAll { $0 == story }
            try save(slug)
            return "\(slug) leaves story \(story)"
        case 14:
            // Renaming a story's file renames its URL: every brief that names it must follow.
            guard let story = stories.keys.sorted().randomElement(using: &random) else { return "no story" }
            nextNumber += 1
            let renamed = "story-\(nextNumber)"
            try FileManager.default.removeItem(at: site.directory.appendingPathComponent("content/stories/\(story).md"))
            stories[renamed] = stories[story]
            stories[story] = nil
            try saveStory(renamed)
            for member in briefs.keys.sorted() where briefs[member]?.stories.contains(story) == true {
                let renamedStories = (briefs[member]?.stories ?? []).map { $0 == story ? renamed : $0 }
                briefs[member]?.stories = renamedStories
                try save(member)
            }
            return "rename story \(story) to \(renamed)"
        case 15:
            guard let story = stories.keys.sorted().randomElement(using: &random) else { return "no story" }
            stories[story]? += " (developing)"
            try saveStory(story)
            return "retitle story \(story)"
        case 0:
            try addBrief(random: &random)
            return "add"
        case 1:
            let more = Int.random(in: 0...999, using: &random)
            briefs[slug]?.body += "\n\nMore text \(more)."
            try save(slug)
            return "edit body of \(slug)"
        case 2:
            briefs[slug]?.title += " (updated)"
            try save(slug)
            return "edit title of \(slug)"
        case 3:
            try delete(slug)
            let date = randomDate(&random)
            briefs[slug]?.date = date
            try save(slug)
            return "change date of \(slug)"
        case 4:
            let newTopics = Array(topics.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            let newCompanies = Array(companies.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)))
            briefs[slug]?.topics = newTopics
            briefs[slug]?.companies = newCompanies
            try save(slug)
            return "change topics and companies of \(slug)"
        case 5:
            try delete(slug)
            briefs[slug] = nil
            return "delete \(slug)"
        case 6:
            try delete(slug)
            nextNumber += 1
            let renamed = "renamed-\(nextNumber)"
            briefs[renamed] = briefs[slug]
            briefs[slug] = nil
            try save(renamed)
            return "rename \(slug) to \(renamed)"
        case 7:
            let company = companies.randomElement(using: &random) ?? "nvidia"
            try site.write("content/companies/\(company).md", "---\nname: \(company.capitalized) Corp \(Int.random(in: 0...9, using: &random))\naliases: [\(company.uppercased())]\n---\nProfile.\n")
            return "rename company \(company)"
        case 8:
            let topic = topics.randomElement(using: &random) ?? "policy"
            try site.write("content/topics/\(topic).md", "---\nname: \(topic.capitalized)\nkeywords: [\(topic), extra\(Int.random(in: 0...9, using: &random))]\n---\nAbout \(topic).\n")
            return "change keywords of \(topic)"
        case 9:
            try site.write("templates/partials/brief-card.mustache", "<article class=\"card\"><h3><a href=\"{{root}}{{url}}\">{{title}}</a></h3><p>{{summary}} v\(Int.random(in: 0...9, using: &random))</p></article>\n")
            return "change the brief-card partial"
        case 10:
            try site.write("templates/robots.txt.mustache", "User-agent: *\nDisallow: /x\(Int.random(in: 0...9, using: &random))/\n")
            return "change robots template"
        default:
            let size = Int.random(in: 2...4, using: &random)
            try site.write("briefing.yml", "title: Random Desk \(size)\nbaseURL: https://example.org/r/\npageSize: \(size)\nhomeBriefs: 5\nfeeds:\n  entries: 4\n")
            return "change config (pageSize \(size))"
        }
    }

    /// A clean build of the same content in a fresh folder.
    func cleanBuild() throws -> [String: Data] {
        let copy = try BuildTestSite()
        for item in ["briefing.yml", "content", "templates"] {
            let source = site.directory.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: copy.directory.appendingPathComponent(item))
            }
        }
        _ = try builder(for: copy.directory).build()
        return copy.snapshot()
    }

    /// A builder of `directory` (the site's by default) as the sequences build it.
    func builder(for directory: URL? = nil, jobs: Int = 2) -> SiteBuilder {
        var builder = SiteBuilder(siteDirectory: directory ?? site.directory, jobs: jobs)
        if let searchShardLimit { builder.searchShardLimit = searchShardLimit }
        return builder
    }
}
