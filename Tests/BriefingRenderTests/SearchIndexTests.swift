import BriefingTemplates
import Foundation
import Synchronization
import Testing
@testable import BriefingCore
@testable import BriefingRender

@Suite struct SearchTokenizerTests {
    @Test func termsAreLowerCaseWithoutAccentsAndAtLeastTwoCharacters() {
        #expect(SearchTokenizer.terms("Zhīpǔ AI's GLM-4.5, SK Hynix & Nvidia H20") == ["zhipu", "ai", "glm", "sk", "hynix", "nvidia", "h20"])
        #expect(SearchTokenizer.terms("Ébauche ÉCOLE naïve Straße") == ["ebauche", "ecole", "naive", "straße"])
        #expect(SearchTokenizer.terms("a b 5 x—y") == [])
    }

    @Test func decomposedAndComposedAccentsGiveTheSameTerm() {
        #expect(SearchTokenizer.terms("caf\u{E9}") == SearchTokenizer.terms("cafe\u{301}"))
        #expect(SearchTokenizer.terms("cafe\u{301}") == ["cafe"])
    }

    @Test func scriptsWithoutSpacesStayOneTermAndLongRunsAreCut() {
        #expect(SearchTokenizer.terms("华为 昇腾") == ["华为", "昇腾"])
        let long = String(repeating: "x", count: 100)
        #expect(SearchTokenizer.terms(long).first?.count == SearchTokenizer.maximumLength)
    }
}

@Suite struct MarkdownPlainTextTests {
    @Test func syntaxGoesAndTheWordsStay() {
        let markdown = """
            ## Key points

            - One *emphasised* and **strong** `code` word
            1. A [linked text](https://example.com/a_(b)) and ![an image](i.png)
            > Quoted <b>tag</b> <https://auto.example/>

            [ref]: https://example.com/ref
            """
        #expect(MarkdownPlainText.of(markdown) == "Key points One emphasised and strong code word A linked text and an image Quoted tag")
    }

    @Test func fencedCodeKeepsItsText() {
        #expect(MarkdownPlainText.of("Before\n\n```swift\nlet x_y = 1\n```\nAfter") == "Before let x_y = 1 After")
    }
}

@Suite struct SearchPostingsTests {
    @Test func postingsRoundTripWithLargeGapsAndHighWeights() {
        let postings = [(document: 0, weight: 63), (document: 1, weight: 1), (document: 40, weight: 32), (document: 100_000, weight: 31)]
        let text = SearchPostings.encode(postings)
        #expect(SearchPostings.decode(text).map { [$0.document, $0.weight] } == postings.map { [$0.document, $0.weight] })
        #expect(text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        // Neighbouring briefs cost two characters each: one for the gap, one for the weight.
        #expect(SearchPostings.encode([(3, 5), (4, 5), (5, 5)]).count == 6)
    }

    @Test func documentListsRoundTrip() {
        let documents = [2, 3, 50, 51, 4000]
        #expect(SearchPostings.decode(SearchPostings.encode(documents: documents), withWeights: false).map(\.document) == documents)
    }
}

@Suite struct SearchIndexTests {
    let site = SampleSite.make()
    var contexts: PageContexts { PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false)) }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The JSON of one of the index's files, from its context.
    static func parse(_ value: TemplateValue?) throws -> [String: Any] {
        guard case .string(let text)? = value?["dataJSON"] else { throw CocoaError(.coderInvalidValue) }
        return try parse(text)
    }

    func weight(_ index: SearchIndex, _ term: String, _ slug: String) -> Int? {
        guard let document = index.briefs.firstIndex(where: { $0.slug.rawValue == slug }) else { return nil }
        return SearchPostings.decode(index.postings[term] ?? "").first { $0.document == index.numbers[document] }?.weight
    }

    @Test func briefsAreNumberedByDayOldestFirst() {
        let index = SearchIndex(site: site)
        #expect(index.briefs.map(\.slug.rawValue) == ["old-news", "h20-paused", "ascend-roadmap"])
        let numbers = index.numbers
        #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count, "numbers rise with time")
        // Blocks of 16 numbers per day from the first of January of the oldest brief's year.
        #expect(index.numbering.perDay == 16)
        let first = Timestamp.daysFromCivil(year: 2024, month: 1, day: 1)
        for (brief, number) in zip(index.briefs, numbers) {
            let day = site.config.timezone.day(of: brief.date)
            #expect(number / 16 == Timestamp.daysFromCivil(year: day.year, month: day.month ?? 1, day: day.day ?? 1) - first)
        }
        #expect(index.years == [
            SearchYear(year: 2024, first: numbers[0], last: numbers[0], count: 1),
            SearchYear(year: 2025, first: numbers[1], last: numbers[2], count: 2),
        ])
        #expect(index.topicDocuments[SampleSite.slug("export-controls")] == [numbers[0], numbers[1]])
        #expect(index.companyDocuments[SampleSite.slug("nvidia")] == [numbers[0], numbers[1]])
    }

    /// A brief added in the past renumbers no other brief, unless its time of day points to another's place.
    @Test func aBackDatedBriefRenumbersOnlyABriefItMeets() {
        let briefs = [
            ("a", "2024-03-01T10:00:00Z", "A", "Text."), ("b", "2024-06-01T10:00:00Z", "B", "Text."),
            ("c", "2024-06-01T12:30:00Z", "C", "Text."), ("d", "2025-01-01T10:00:00Z", "D", "Text."),
        ]
        func numbers(_ site: Site) -> [String: Int] {
            let index = SearchIndex(site: site)
            return Dictionary(uniqueKeysWithValues: zip(index.briefs.map(\.slug.rawValue), index.numbers))
        }
        let before = numbers(TwinSite.make(briefs[0], briefs[1], briefs[2], briefs[3]))
        let elsewhere = numbers(TwinSite.make(briefs[0], briefs[1], briefs[2], briefs[3], ("e", "2024-04-01T10:00:00Z", "E", "Text.")))
        #expect(before.allSatisfy { elsewhere[$0.key] == $0.value }, "a brief on a day of its own renumbers no other")
        let sameDay = numbers(TwinSite.make(briefs[0], briefs[1], briefs[2], briefs[3], ("e", "2024-06-01T11:00:00Z", "E", "Text.")))
        #expect(before.allSatisfy { sameDay[$0.key] == $0.value }, "nor does one between two briefs of its day")
        #expect(sameDay["b"].map { $0 + 1 } == sameDay["e"], "numbers follow the time of day: 10:00, then 11:00")
        // 12:10 and 12:30 point to one place of the 16 (12:00 to 13:30): the later brief takes the next.
        let sharing = numbers(TwinSite.make(briefs[0], briefs[1], briefs[2], briefs[3], ("e", "2024-06-01T12:10:00Z", "E", "Text.")))
        #expect(sharing["a"] == before["a"] && sharing["b"] == before["b"] && sharing["d"] == before["d"])
        #expect(sharing["e"] == before["c"] && sharing["c"] == (before["c"] ?? 0) + 1, "only the brief it meets moves up")
    }

    @Test func titlesSummariesBodiesTopicsAndCompaniesAreAllSearchable() {
        let index = SearchIndex(site: site)
        #expect(weight(index, "plans", "ascend-roadmap") != nil, "a body word")
        #expect(weight(index, "suppliers", "h20-paused") != nil, "a summary word")
        #expect(weight(index, "pauses", "h20-paused") != nil, "a title word")
        #expect(weight(index, "controls", "old-news") != nil, "a topic's name")
        #expect(weight(index, "smic", "ascend-roadmap") != nil, "a company's name")
        #expect(index.postings["alert"] != nil && index.postings["script"] == nil, "a tag's text is words, its markup is not")
        #expect(index.postings["key"] != nil && index.postings["##"] == nil)
    }

    @Test func aTitleWordWeighsMoreThanTheSameWordInABody() {
        let site = TwinSite.make(
            ("in-title", "2025-01-01", "Lithography news", "Nothing else here."),
            ("in-body", "2025-01-02", "Other news", "Nothing about lithography here."))
        let index = SearchIndex(site: site)
        #expect(weight(index, "lithography", "in-title")! > weight(index, "lithography", "in-body")!)
    }

    @Test func equalBriefsGetEqualWeightsSoTheNewerWinsTheTie() {
        let site = TwinSite.make(
            ("older", "2025-01-01", "Wafer news", "Same text."),
            ("newer", "2025-03-01", "Wafer news", "Same text."))
        let index = SearchIndex(site: site)
        #expect(weight(index, "wafer", "older") == weight(index, "wafer", "newer"))
        // search.js breaks ties by document number, highest first: the newer brief.
        let number = { (slug: String) in index.numbers[index.briefs.firstIndex { $0.slug.rawValue == slug }!] }
        #expect(number("newer") > number("older"))
    }

    @Test func aLongerBriefWeighsAWordLessAndRepeatsWeighMoreUpToAPoint() {
        let long = String(repeating: "filler words here ", count: 200)
        let site = TwinSite.make(
            ("short", "2025-01-01", "A", "Etching once."), ("long", "2025-01-02", "B", "Etching once. " + long),
            ("twice", "2025-01-03", "C", "Etching etching."))
        let index = SearchIndex(site: site)
        #expect(weight(index, "etching", "short")! > weight(index, "etching", "long")!)
        #expect(weight(index, "etching", "twice")! > weight(index, "etching", "short")!)
    }

    @Test func everyTermIsInExactlyOneShardFoundByTheLongestKeyThatBeginsIt() {
        let site = TwinSite.random(briefs: 60, seed: 3)
        let index = SearchIndex(site: site, shardLimit: 400)
        #expect(index.shards.count > 10)
        var seen = Set<String>()
        for shard in index.shards {
            for term in shard.terms {
                #expect(seen.insert(term).inserted, "\(term) is in two shards")
                #expect(index.shard(holding: term)?.key == shard.key)
            }
            #expect(shard.size <= 400 || shard.terms.count == 1 || shard.terms.allSatisfy { $0 == shard.key }, "\(shard.key) too big")
        }
        #expect(seen == Set(index.postings.keys))
        #expect(index.shards.map(\.key) == index.shards.map(\.key).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func shardFileNamesAreASCII() {
        #expect(SearchShard.fileName("") == "t")
        #expect(SearchShard.fileName("nv") == "tnv")
        #expect(SearchShard.fileName("é") == "t_c3_a9")
        #expect(SearchShard.fileName("a-b") == "ta_2d" + "b")
        // Read back from the last build's file names, to tell which shards came and went.
        for key in ["", "nv", "é", "a-b", "华为", "_x"] { #expect(SearchShard.key(fileName: SearchShard.fileName(key)) == key) }
        for name in ["", "x", "t_zz", "t_2", "tA", "t_61"] { #expect(SearchShard.key(fileName: name) == nil, "\(name)") }
    }

    @Test func theIndexIsTheSameOnEveryBuild() {
        let one = SearchIndex(site: TwinSite.random(briefs: 40, seed: 9), shardLimit: 300, jobs: 1)
        let two = SearchIndex(site: TwinSite.random(briefs: 40, seed: 9), shardLimit: 300, jobs: 4)
        #expect(one.shards == two.shards)
        #expect(one.postings == two.postings)
    }

    /// The property the incremental build relies on: a shard's text depends only on the postings of its terms.
    @Test func anEditedBodyChangesOnlyTheShardsOfTheTermsItTouched() throws {
        let before = TwinSite.random(briefs: 80, seed: 5)
        var briefs = before.briefs
        let edited = 17
        briefs[edited].body += "\n\nA quasar appeared."
        let after = Site(config: before.config, briefs: briefs, topics: before.topics, companies: before.companies)
        let old = SearchIndex(site: before, shardLimit: 300)
        let new = SearchIndex(site: after, shardLimit: 300)
        func texts(_ index: SearchIndex, _ site: Site) -> [String: String] {
            let contexts = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
            return Dictionary(uniqueKeysWithValues: index.shards.map { shard in
                guard case .string(let text)? = contexts.searchShard(shard, of: index)["dataJSON"] else { return (shard.key, "") }
                return (shard.key, text)
            })
        }
        let oldTexts = texts(old, before)
        let newTexts = texts(new, after)
        let changed = Set(newTexts.keys).union(oldTexts.keys).filter { oldTexts[$0] != newTexts[$0] }
        // The brief's own terms, before and after: its length changed, so all their weights may have moved.
        let touched = Set(SearchIndex.weights(of: before.briefs[edited], names: .init()).map(\.0))
            .union(SearchIndex.weights(of: after.briefs.first { $0.slug == briefs[edited].slug }!, names: .init()).map(\.0))
        #expect(touched.contains("quasar"))
        #expect(!changed.isEmpty)
        for key in changed {
            let terms = Set((new.shards.first { $0.key == key }?.terms ?? []) + (old.shards.first { $0.key == key }?.terms ?? []))
            #expect(!terms.isDisjoint(with: touched), "shard \(key) changed without holding a term of the edited brief")
        }
        #expect(changed.count < new.shards.count / 2, "\(changed.count) of \(new.shards.count) shards changed")
    }

    /// The build keeps each brief's terms under its file's hash: the index it makes must be the one a fresh
    /// tokenising would make, weighing again only the brief whose file changed.
    @Test func aCachedIndexEqualsAFreshOneAndWeighsOnlyTheBriefsWhoseFilesChanged() {
        let before = TwinSite.random(briefs: 60, seed: 7)
        var briefs = before.briefs
        briefs[10].body += "\n\nA quasar appeared."
        let after = Site(config: before.config, briefs: briefs, topics: before.topics, companies: before.companies)
        let edited = briefs[10].location.file
        let version = Atomic<Int>(1)
        let cache = SearchTermCache(engine: "test") { path in
            path + (path == edited ? "#\(version.load(ordering: .relaxed))" : "")
        }
        let first = SearchIndex(site: before, terms: cache, shardLimit: 300)
        #expect(first.postings == SearchIndex(site: before, shardLimit: 300).postings)
        #expect(cache.snapshot(files: before.briefs.map(\.location.file)).newEntries.count == 60)

        version.store(2, ordering: .relaxed)
        let second = SearchIndex(site: after, terms: cache, shardLimit: 300)
        let fresh = SearchIndex(site: after, shardLimit: 300)
        #expect(second.postings == fresh.postings)
        #expect(second.shards == fresh.shards)
        #expect(second.postings["quasar"] != nil)
        #expect(cache.snapshot(files: after.briefs.map(\.location.file)).newEntries.count == 61, "only the edited brief is weighed again")
    }

    /// A brief's terms include the names of its companies: a renamed company makes the kept terms stale.
    @Test func aRenamedCompanyWeighsEveryBriefAgain() {
        // One file per brief, so that each has its own key.
        let briefs = site.briefs.enumerated().map { number, brief in
            var brief = brief
            brief.location = ContentLocation(file: "content/briefs/\(number).md")
            return brief
        }
        let before = Site(config: site.config, briefs: briefs, topics: site.topics, companies: site.companies)
        let cache = SearchTermCache(engine: "test") { $0 }
        _ = SearchIndex(site: before, terms: cache)
        var companies = site.companies
        let renamed = companies.indices.first { index in briefs.contains { $0.companies.contains(companies[index].slug) } }!
        companies[renamed].name = "Zeppelinworks"
        let after = Site(config: site.config, briefs: briefs, topics: site.topics, companies: companies)
        let index = SearchIndex(site: after, terms: cache)
        #expect(index.postings["zeppelinworks"] != nil)
        #expect(index.postings == SearchIndex(site: after).postings)
    }

    @Test func aDaysBriefsArePlacedByTheirTimeOfDay() {
        let hour = 3_600
        // 16 places a day: one every hour and a half.
        #expect(SearchNumbering.places(secondsIntoDay: [0, 3 * hour, 12 * hour, 23 * hour], perDay: 16) == [0, 2, 8, 15])
        // Briefs that point to one place take the next ones, in order.
        #expect(SearchNumbering.places(secondsIntoDay: [12 * hour, 12 * hour, 12 * hour + 60], perDay: 16) == [8, 9, 10])
        // At the end of the day they are pulled back so that every brief has a place.
        #expect(SearchNumbering.places(secondsIntoDay: [23 * hour, 23 * hour, 23 * hour], perDay: 16) == [13, 14, 15])
        let full = SearchNumbering.places(secondsIntoDay: Array(repeating: 20 * hour, count: 16), perDay: 16)
        #expect(full == Array(0..<16))
    }

    /// What `SearchIndex.shardReads` relies on: which briefs an edit renumbered, and which changed ones kept their number.
    @Test func anEditRenumbersOnlyTheBriefsWhosePlacesItMeets() throws {
        func brief(_ slug: String, day: Int = 4, _ hour: Int, _ minute: Int) throws -> Brief {
            var brief = site.briefs[0]
            brief.slug = SampleSite.slug(slug)
            brief.date = try #require(Timestamp(year: 2025, month: 3, day: day, hour: hour, minute: minute))
            return brief
        }
        // Sixteen places a day, one every ninety minutes: 06:00 takes place 4, 12:00 place 8, 12:05 place 9.
        let day = [try brief("dawn", 6, 0), try brief("noon", 12, 0), try brief("past-noon", 12, 5)]
        func archive(_ briefs: [Brief]) -> Site { Site(config: site.config, briefs: briefs, topics: site.topics, companies: site.companies) }
        func slugs(_ positions: [Int], in site: Site) -> [String] { positions.map { site.briefs[$0].slug.rawValue }.sorted() }
        let numbering = SearchNumbering(site: archive(day))

        // Added at 12:01, a brief takes place 9 and pushes the one at 12:05 to 10; the others keep theirs.
        let added = archive(day + [try brief("added", 12, 1)])
        let adding = numbering.renumbering(by: [(nil, added.brief(SampleSite.slug("added")))], in: added)
        #expect(slugs(adding.moved, in: added) == ["past-noon"])
        #expect(adding.kept.isEmpty)

        // Retitled, a brief keeps its number and moves no other.
        var retitled = day
        retitled[1].title += " (updated)"
        let retitling = numbering.renumbering(by: [(day[1], retitled[1])], in: archive(retitled))
        #expect(retitling.moved.isEmpty)
        #expect(retitling.kept == [SampleSite.slug("noon")])

        // Moved to another day, it takes a number there; the brief after it on its old day moves back to place 8.
        var moved = day
        moved[1].date = try #require(Timestamp(year: 2025, month: 3, day: 5, hour: 12, minute: 0))
        let moving = numbering.renumbering(by: [(day[1], moved[1])], in: archive(moved))
        #expect(slugs(moving.moved, in: archive(moved)) == ["past-noon"])
        #expect(moving.kept.isEmpty)
    }

    @Test func aBriefsFileHoldsWhatAResultShowsAndItsBodyAsText() throws {
        let index = SearchIndex(site: site)
        let document = try #require(index.briefs.firstIndex { $0.slug.rawValue == "h20-paused" })
        let doc = try Self.parse(contexts.searchDocument(document, of: index))
        #expect(doc["url"] as? String == "briefs/h20-paused/")
        #expect(doc["title"] as? String == "Nvidia pauses H20 & more")
        #expect(doc["date"] as? String == "2025-08-22")
        #expect(doc["topics"] as? [String] == ["ai-chips", "export-controls"])
        #expect(doc["companies"] as? [String] == ["nvidia"])
        #expect(doc["text"] as? String == "Key points One alert(1)")
    }

    @Test func theManifestListsShardsYearsAndTheNameTables() throws {
        let index = SearchIndex(site: site)
        let manifest = try Self.parse(contexts.searchManifest(index))
        #expect(manifest["count"] as? Int == 3)
        let numbers = index.numbers
        #expect(manifest["years"] as? [[Int]] == [[2024, numbers[0], numbers[0]], [2025, numbers[1], numbers[2]]])
        #expect(manifest["slots"] as? Int == index.numbering.slots && index.numbering.slots > numbers[2])
        #expect(SearchPostings.decode(manifest["documents"] as? String ?? "", withWeights: false).map(\.document) == numbers)
        #expect((manifest["shards"] as? [String: Int])?.keys.sorted() == index.shards.map(\.key))
        #expect((manifest["companies"] as? [[String: String]])?.first == ["slug": "huawei", "name": "Huawei", "url": "companies/huawei/"])
        #expect((manifest["paths"] as? [String: String])?["docs"] == "docs/{}.json")
        let filter = try Self.parse(contexts.searchFilter(index.topicDocuments[SampleSite.slug("export-controls")] ?? [], of: .topic(SampleSite.slug("export-controls"))))
        #expect(SearchPostings.decode(filter["docs"] as? String ?? "", withWeights: false).map(\.document) == [numbers[0], numbers[1]])
    }

    @Test func hostileTextCannotLeaveTheJSON() throws {
        let title = "</script><script>alert(1)</script> & \"quoted\" \\ \u{2028}"
        let site = HostileSite.make(title: title)
        let index = SearchIndex(site: site)
        let contexts = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
        guard case .string(let text)? = contexts.searchDocument(0, of: index)["dataJSON"] else { Issue.record("no text"); return }
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&") && !text.contains("\u{2028}"))
        #expect(try Self.parse(contexts.searchDocument(0, of: index))["title"] as? String == title)
    }

    @Test func aBriefsFileDependsOnItsBodyAndAShardOnItselfAlone() {
        let index = SearchIndex(site: site)
        let bodies = MarkdownBodies(mode: .fingerprint, allowRawHTML: false)
        let contexts = PageContexts(site: site, bodies: bodies)
        _ = contexts.searchDocument(0, of: index)
        #expect(bodies.bodiesRead == ["brief/old-news"])
        // Which shards an edit reaches is worked out from the briefs it changed (`SearchIndex.shardReads`).
        let shardBodies = MarkdownBodies(mode: .fingerprint, allowRawHTML: false)
        let reads = PageReads()
        _ = PageContexts(site: site, bodies: shardBodies, reads: reads).searchShard(index.shards[0], of: index)
        #expect(shardBodies.bodiesRead.isEmpty)
        #expect(reads.noted == [.searchShard(index.shards[0].fileName)])
    }

    @Test func theSearchPageOffersTheTopicsCompaniesAndYearsThatHaveBriefs() {
        let page = contexts.search(SearchIndex(site: site))
        func values(_ list: TemplateValue?, _ key: String) -> [TemplateValue] {
            guard case .list(let items)? = list else { return [] }
            return items.compactMap { $0[key] }
        }
        #expect(values(page["topics"], "slug") == ["ai-chips", "export-controls"])
        #expect(values(page["topics"], "count") == [2, 2])
        #expect(values(page["companies"], "name") == ["Huawei", "Nvidia", "SMIC"])
        #expect(values(page["years"], "year") == [2025, 2024])
        #expect(values(page["years"], "count") == [2, 1])
        #expect(page["manifestURL"] == "search/manifest.json")
        #expect(page["count"] == 3)
        #expect(page["root"] == "../")
        #expect(page["nav"]?["search"] == true)
    }
}

/// Small sites for the index: briefs given as (slug, date, title, body), or made up from a seed.
enum TwinSite {
    static func make(_ briefs: (String, String, String, String)...) -> Site {
        var config = SiteConfig()
        config.baseURL = "https://example.org/"
        let location = ContentLocation(file: "twin.md")
        return Site(config: config, briefs: briefs.map { slug, date, title, body in
            Brief(id: slug, slug: SampleSite.slug(slug), title: title, date: Timestamp(iso: date)!, body: body, location: location)
        }, topics: [], companies: [])
    }

    static func random(briefs count: Int, seed: UInt64) -> Site {
        // About two thousand made-up words, so that a brief holds a small part of the vocabulary, as in real text.
        let syllables = ["ka", "lo", "mi", "ne", "tu", "ra", "shi", "po", "ve", "zu", "den", "gar", "bel", "fon", "hax", "wir",
                         "qua", "sel", "tor", "yan"]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        func word() -> String { (0..<(2 + next(2))).map { _ in syllables[next(syllables.count)] }.joined() }
        func text(_ length: Int) -> String { (0..<length).map { _ in word() }.joined(separator: " ") }
        var config = SiteConfig()
        config.baseURL = "https://example.org/"
        let briefs = (0..<count).map { n in
            Brief(
                id: "b\(n)", slug: SampleSite.slug("brief-\(n)"), title: text(5),
                date: Timestamp(secondsSinceEpoch: 1_700_000_000 + n * 86_400), summary: text(12), body: text(60 + next(60)),
                location: ContentLocation(file: "content/briefs/brief-\(n).md"))
        }
        return Site(config: config, briefs: briefs, topics: [], companies: [])
    }
}

/// A one-brief site whose text tries to break out of the HTML, scripts and JSON it is written into.
enum HostileSite {
    static func make(title: String) -> Site {
        var config = SiteConfig()
        config.title = "Desk </script>"
        config.baseURL = "https://example.org/"
        let location = ContentLocation(file: "hostile.md")
        let brief = Brief(
            id: "x", slug: SampleSite.slug("hostile"), title: title, date: Timestamp(iso: "2025-01-02")!,
            summary: "<b>bold</b> & </SCRIPT>", companies: [SampleSite.slug("acme")], body: "Body.", location: location)
        let company = Company(slug: SampleSite.slug("acme"), name: "Acme </script>", website: "https://acme.example/?a=1&b=<2>", location: location)
        return Site(config: config, briefs: [brief], topics: [], companies: [company])
    }
}
