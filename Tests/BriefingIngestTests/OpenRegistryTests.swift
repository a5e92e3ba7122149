import Foundation
import Testing
@testable import BriefingCore
@testable import BriefingIngest

/// The open registry: organisation cues, the names that must stay out, and the entries ingest writes, merges and removes.
@Suite struct OpenRegistryTests {
    static let known = CompanyMatcher(companies: [
        Company(slug: Slug(validating: "alibaba")!, name: "Alibaba", location: ContentLocation(file: "a.md")),
        Company(slug: Slug(validating: "nvidia")!, name: "Nvidia", location: ContentLocation(file: "n.md")),
        Company(slug: Slug(validating: "sk-hynix")!, name: "SK Hynix", location: ContentLocation(file: "s.md")),
    ])

    static func candidate(_ name: String, in texts: [String]) -> CompanyCandidate? {
        CompanyCandidates(known: known).candidates(in: texts).first { $0.name == name }
    }

    @Test(arguments: [
        ("PDD Holdings", "Shoppers flocked to PDD Holdings stores.", CompanyCandidate.Cue.form),
        ("Temu", "Temu, the e-commerce platform, cut prices.", .appositive),
        ("Cambricorp", "The surge helped chipmaker Cambricorp.", .descriptor),
        ("Shein", "Platforms like Temu and Shein adjusted prices.", .listed),
        ("CATL", "Chinese battery giants (BYD, CATL, Tianqi) rallied.", .listed),
        ("Lumora", "Lumora's chief executive resigned on Monday.", .corporate),
        ("Wingtech", "Nexperia is majority-owned by China's Wingtech.", .corporate),
    ])
    func anOrganisationCueMakesAStrongCandidate(name: String, text: String, cue: CompanyCandidate.Cue) throws {
        let found = try #require(Self.candidate(name, in: [text]), "\(name) was not found in “\(text)”")
        #expect(found.cues.contains(cue))
        #expect(found.isStrong)
    }

    @Test func aTickerIsReadAndKept() throws {
        let found = try #require(Self.candidate("Pinduo", in: ["Investors bought Pinduo (NASDAQ: PDD) on Friday."]))
        #expect(found.cues.contains(.ticker))
        #expect(found.ticker == "NASDAQ: PDD")
    }

    @Test func spellingsAndLegalFormsAreOneCandidateWithAliases() throws {
        let found = try #require(Self.candidate("iQIYI", in: [
            "Chinese streamers (iQIYI, WeTV) expanded.", "The streamer iQIYI grew.", "iQiyi Inc raised prices.",
        ]))
        #expect(found.mentions == 3)
        #expect(found.items == 3)
        #expect(Set(found.aliases) == ["iQiyi Inc"])
        #expect(found.score >= CompanyCandidate.Cue.listed.points + 2, "cues and repetition both count")
    }

    @Test func repetitionAloneIsNotEnough() throws {
        let texts = ["Zorblat grew.", "Analysts watched Zorblat closely.", "Then Zorblat slowed."]
        let found = try #require(Self.candidate("Zorblat", in: texts))
        #expect(found.cues.isEmpty)
        #expect(!found.isStrong)
    }

    /// People, places, products, publications and agencies, each in a sentence with a company cue nearby.
    @Test(arguments: [
        ("Jensen Huang", "Nvidia CEO Jensen Huang said the company, a chipmaker, grew."),
        ("Ben Bajarin", "“A big question,” said Ben Bajarin, CEO of consulting firm Creative Strategies."),
        ("Reuters", "News firms such as Reuters and Bloomberg reported it."),
        ("Ministry of Commerce", "China's Ministry of Commerce and firms (Lenovo) met."),
        ("CAC", "Regulators and firms (CAC, MIIT) met."),
        ("Qwen", "Alibaba's Qwen models, the platform says, lead."),
        ("Foshan", "Resellers in Foshan, a manufacturing city, waited."),
        ("Hynix", "Suppliers (TSMC, Samsung, Hynix) were named."),
        ("TikTok", "Platforms like TikTok were named."),
        ("Hang Seng Tech", "Shares of Hang Seng Tech index firms rose."),
    ])
    func aNonCompanyStaysOut(name: String, text: String) {
        #expect(Self.candidate(name, in: [text]) == nil, "\(name) was taken for a company in “\(text)”")
    }

    @Test func aPersonOfAnOrganisationGivesTheOrganisation() throws {
        let found = try #require(Self.candidate("Raymond James Investment Management", in: [
            "“It is able to sell,” said Matt Orton of Raymond James Investment Management, who argued otherwise.",
        ]))
        #expect(found.cues.contains(.form))
        #expect(Self.candidate("Matt Orton of Raymond James Investment Management", in: []) == nil)
    }

    static func feed(_ items: [(id: String, title: String, text: String)]) -> IngestSource {
        let entries = items.map { item in
            #"{"id": "\#(item.id)", "title": "\#(item.title)", "content_text": "\#(item.text)", "date_published": "2025-09-01T00:00:00Z"}"#
        }
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": ["# + entries.joined(separator: ", ") + "]}"
        return IngestSource(name: "feed.json", bytes: Array(json.utf8))
    }

    @Test func ingestWritesStrongCandidatesAsEntriesAndTagsTheirBriefs() throws {
        let site = try IngesterTests.makeSite()
        let source = Self.feed([("t1", "Zorvex cuts prices", "Zorvex, the e-commerce platform, cut prices again. Zorvex said more would follow.")])
        let report = try Ingester(siteDirectory: site).ingest([source])
        #expect(report.companies(.written) == 1)
        let entry = try String(contentsOf: site.appendingPathComponent("content/companies/zorvex.md"), encoding: .utf8)
        #expect(entry.contains("name: \"Zorvex\"") || entry.contains("name: Zorvex"))
        #expect(entry.contains("origin: ingest"))
        #expect(BriefFile.isUnedited(entry))
        let loaded = try SiteLoader(directory: site).load()
        #expect(loaded.company(Slug(validating: "zorvex")!) != nil)
        #expect(loaded.briefs.first?.companies.map(\.rawValue) == ["zorvex"])
        // Again: nothing changes.
        let again = try Ingester(siteDirectory: site).ingest([source])
        #expect(again.companies(.written) == 0 && again.companies(.updated) == 0)
        #expect(again.count(.unchanged) == 1)
    }

    @Test func anUneditedEntryAnotherEntryCoversIsMergedAndItsBriefsRetagged() throws {
        let site = try IngesterTests.makeSite()
        _ = try Ingester(siteDirectory: site).ingest([Self.feed([("t1", "Zorvex cuts prices", "Zorvex, the e-commerce platform, cut prices.")])])
        // An editor adds Zorvex as an alias of a company of their own.
        try Data("---\nname: Zorvex Holdings\naliases: [Zorvex]\n---\nIt runs Zorvex.\n".utf8)
            .write(to: site.appendingPathComponent("content/companies/zorvex-holdings.md"))
        let report = try Ingester(siteDirectory: site).retag()
        #expect(report.companies(.mergedCompany) == 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/companies/zorvex.md").path))
        let brief = try #require(try SiteLoader(directory: site).load().briefs.first)
        #expect(brief.companies.map(\.rawValue) == ["zorvex-holdings"])
    }

    @Test func anEditedEntryIsNeverMergedOrRemoved() throws {
        let site = try IngesterTests.makeSite()
        _ = try Ingester(siteDirectory: site).ingest([Self.feed([("t1", "Zorvex cuts prices", "Zorvex, the e-commerce platform, cut prices.")])])
        let path = site.appendingPathComponent("content/companies/zorvex.md")
        let edited = try String(contentsOf: path, encoding: .utf8) + "Zorvex sells cheap goods abroad.\n"
        try Data(edited.utf8).write(to: path)
        // No brief names it any more: an unedited entry would go, an edited one stays.
        for file in IngesterTests.briefFiles(in: site) {
            try FileManager.default.removeItem(at: site.appendingPathComponent("content/briefs/\(file)"))
        }
        let report = try Ingester(siteDirectory: site).retag()
        #expect(report.companies(.removed) == 0)
        #expect(try String(contentsOf: path, encoding: .utf8) == edited)
    }

    /// The briefs that name an entry may all be from earlier runs, unedited or edited: the entry stays.
    @Test func anEntryNamedOnlyByEarlierBriefsStays() throws {
        let site = try IngesterTests.makeSite()
        _ = try Ingester(siteDirectory: site).ingest([Self.feed([("t1", "Zorvex cuts prices", "Zorvex, the e-commerce platform, cut prices.")])])
        let entry = site.appendingPathComponent("content/companies/zorvex.md")
        var report = try Ingester(siteDirectory: site).retag()
        #expect(report.companies(.removed) == 0)
        #expect(FileManager.default.fileExists(atPath: entry.path))
        // An editor's change to the brief: it is not ingest's any more, and still names the company.
        let file = try #require(IngesterTests.briefFiles(in: site).first)
        let brief = site.appendingPathComponent("content/briefs/\(file)")
        try Data((try String(contentsOf: brief, encoding: .utf8) + "An editor's line.\n").utf8).write(to: brief)
        report = try Ingester(siteDirectory: site).retag()
        #expect(report.companies(.removed) == 0)
        #expect(FileManager.default.fileExists(atPath: entry.path))
    }

    @Test func anUneditedEntryNoBriefNamesIsRemoved() throws {
        let site = try IngesterTests.makeSite()
        _ = try Ingester(siteDirectory: site).ingest([Self.feed([("t1", "Zorvex cuts prices", "Zorvex, the e-commerce platform, cut prices.")])])
        for file in IngesterTests.briefFiles(in: site) {
            try FileManager.default.removeItem(at: site.appendingPathComponent("content/briefs/\(file)"))
        }
        let report = try Ingester(siteDirectory: site).retag()
        #expect(report.companies(.removed) == 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/companies/zorvex.md").path))
    }

    @Test func theSeedsYieldTheCompaniesTheIssueNames() throws {
        let site = try TaggingPrecisionTests.makeSiteWithEditorsRegistry()
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/companies/temu.md").path))
        _ = try Ingester(siteDirectory: site).ingest([try IngesterTests.seed("000_"), try IngesterTests.seed("003_")])
        let loaded = try SiteLoader(directory: site).load()
        for slug in ["temu", "shein", "byd", "catl", "iqiyi", "netflix", "astrazeneca", "techinsights"] {
            let company = try #require(loaded.company(Slug(validating: slug)!), "no company \(slug)")
            #expect(!loaded.briefs.filter { $0.companies.contains(company.slug) || $0.mentions.contains(company.slug) }.isEmpty)
        }
        for slug in ["jensen-huang", "reuters", "bloomberg", "cac", "miit", "iphone", "salt-typhoon", "techforge-media", "beijing"] {
            #expect(loaded.company(Slug(validating: slug)!) == nil, "\(slug) was taken for a company")
        }
    }
}
