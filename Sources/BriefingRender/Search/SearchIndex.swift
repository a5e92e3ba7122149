import BriefingCore
import Foundation

/// The site's full-text index: every term of every brief's title, summary, body, topics and companies, with the
/// briefs that hold it, cut into shards by term prefix so a query downloads only the shards of its words.
///
/// Built once per build, when the search pages are planned, and shared by all of them. Everything written from
/// it depends on one brief at a time (a posting's weight is computed from that brief alone) so that an edit
/// changes only the shards of the terms it touches.
public struct SearchIndex: Sendable {
    /// How much each field counts, in halves: a title word counts three times a body word.
    public enum Field: Int, Sendable, CaseIterable {
        case title = 6, names = 4, summary = 3, body = 2
    }

    /// BM25's term-frequency saturation and length normalisation. The length is measured against a fixed
    /// `referenceLength`, not the site's average: an average would tie every posting to every other brief.
    static let k1 = 1.2
    static let b = 0.75
    static let referenceLength = 300.0
    /// A shard is split by the next character of its terms while its text is longer than this (bytes).
    public static let shardLimit = 16 * 1024

    /// The briefs, oldest first; `numbers` holds each one's document number (see `SearchNumbering`).
    public let briefs: [Brief]
    public let numbers: [Int]
    public let numbering: SearchNumbering
    /// Each term's postings, encoded (`SearchPostings`).
    public let postings: [String: String]
    /// Every shard, keys ascending.
    public let shards: [SearchShard]
    /// The document numbers of each year's briefs, oldest year first: briefs are numbered by day, so a year is a range.
    public let years: [SearchYear]
    /// The document numbers of each topic's and company's briefs, ascending.
    public let topicDocuments: [Slug: [Int]]
    public let companyDocuments: [Slug: [Int]]
    /// Where each brief's terms came from, for telling which shards an edit reached (`shardReads`).
    let terms: SearchTermCache

    /// `terms` supplies each brief's weighted terms, from earlier builds where its file is unchanged.
    public init(
        site: Site, terms cache: SearchTermCache = SearchTermCache(), shardLimit: Int = SearchIndex.shardLimit,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        let briefs = Array(site.briefs.reversed())
        self.briefs = briefs
        let numbering = SearchNumbering(site: site)
        let numbers = Array(numbering.numbers(of: site).reversed())
        self.numbering = numbering
        self.numbers = numbers
        terms = cache
        let names = SearchIndex.names(of: site)
        cache.adopt(names: names.signature)
        let weighted = briefs.parallelMap(jobs: jobs) { brief in cache.terms(of: brief) { SearchIndex.weights(of: brief, names: names) } }

        let table = cache.table
        let (starts, gathered) = SearchIndex.gather(weighted, numbers: numbers, terms: table.count, jobs: jobs)
        @Sendable func postingList(_ number: Int) -> ArraySlice<UInt32> { gathered[starts[number]..<starts[number + 1]] }
        let used = table.indices.filter { starts[$0 + 1] > starts[$0] }.sorted { table[$0].utf8.lexicographicallyPrecedes(table[$1].utf8) }
        let terms = used.map { table[$0] }
        let encoded = used.parallelMap(jobs: jobs) { SearchPostings.encode(packed: postingList($0)) }
        postings = Dictionary(uniqueKeysWithValues: zip(terms, encoded))
        shards = SearchShard.split(zip(terms, encoded).map { ($0, $1.utf8.count) }, limit: shardLimit)

        var years: [SearchYear] = []
        var topics: [Slug: [Int]] = [:]
        var companies: [Slug: [Int]] = [:]
        let offset = site.config.timezone
        for (brief, number) in zip(briefs, numbers) {
            // The year of the day the brief is numbered under, so that a year stays a range of numbers.
            let year = offset.day(of: brief.date).year
            if years.last?.year == year {
                years[years.count - 1].last = number
                years[years.count - 1].count += 1
            } else {
                years.append(SearchYear(year: year, first: number, last: number, count: 1))
            }
            for topic in Set(brief.topics) { topics[topic, default: []].append(number) }
            for company in Set(brief.companies) { companies[company, default: []].append(number) }
        }
        self.years = years
        topicDocuments = topics
        companyDocuments = companies
    }

    /// Postings by term number, each `document << 6 | weight`, documents ascending, laid out term after term in one
    /// array (term `n`'s at `starts[n]..<starts[n + 1]`): counted first, then filled in, rather than appended to a
    /// list per term (a hundred thousand growing arrays were most of what gathering cost). `weighted` holds each
    /// document's terms (`number << 6 | weight`), in the order of `numbers`, which ascend. The older and the newer
    /// half of the documents are counted and placed side by side; a term's postings from the older half come first.
    private static func gather(_ weighted: [[UInt32]], numbers: [Int], terms: Int, jobs: Int) -> (starts: [Int], postings: [UInt32]) {
        let halves = [0..<weighted.count / 2, weighted.count / 2..<weighted.count]
        @Sendable func count(_ half: Range<Int>) -> [Int] {
            var counts = [Int](repeating: 0, count: terms)
            for list in weighted[half] {
                for packed in list { counts[Int(packed >> 6)] += 1 }
            }
            return counts
        }
        let (older, newer) = concurrently(jobs: jobs, { count(halves[0]) }, { count(halves[1]) })
        var starts = [Int](repeating: 0, count: terms + 1)
        for number in 0..<terms { starts[number + 1] = starts[number] + older[number] + newer[number] }
        let firstSlots = [Array(starts.dropLast()), (0..<terms).map { starts[$0] + older[$0] }]
        let postings = [UInt32](unsafeUninitializedCapacity: starts[terms]) { flat, filled in
            // Each slot is written by exactly one half (the counts above set them apart), so sharing the buffer is safe.
            nonisolated(unsafe) let base = flat.baseAddress
            @Sendable func place(_ side: Int) {
                guard let base else { return }
                var next = firstSlots[side]
                for document in halves[side] {
                    let shifted = UInt32(numbers[document]) << 6
                    for packed in weighted[document] {
                        let number = Int(packed >> 6)
                        (base + next[number]).initialize(to: shifted | (packed & 63))
                        next[number] += 1
                    }
                }
            }
            _ = concurrently(jobs: jobs, { place(0) }, { place(1) })
            filled = starts[terms]
        }
        return (starts, postings)
    }

    /// The words each topic and company is known by: names, and a company's aliases.
    struct Names: Sendable {
        var topics: [Slug: String] = [:]
        var companies: [Slug: String] = [:]

        /// Every name, in a fixed order: weights kept under another signature counted other names.
        var signature: String {
            let topics = self.topics.sorted { $0.key < $1.key }.map { "topic " + $0.key.rawValue + "=" + $0.value }
            let companies = self.companies.sorted { $0.key < $1.key }.map { "company " + $0.key.rawValue + "=" + $0.value }
            return (topics + companies).joined(separator: "\n")
        }
    }

    private static func names(of site: Site) -> Names {
        var names = Names()
        for topic in site.topics { names.topics[topic.slug] = topic.name }
        for company in site.companies { names.companies[company.slug] = ([company.name] + company.aliases).joined(separator: " ") }
        return names
    }

    /// Each term of the brief and its weight, 1…63: BM25's term part over the fields, weighted.
    static func weights(of brief: Brief, names: Names) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        var length = 0
        func add(_ text: String, _ field: Field) {
            SearchTokenizer.forEachTerm(in: text) { term in
                counts[term, default: 0] += field.rawValue
                length += 1
            }
        }
        add(brief.title, .title)
        add(brief.summary, .summary)
        for topic in brief.topics { add(names.topics[topic] ?? "", .names) }
        for company in brief.companies { add(names.companies[company] ?? "", .names) }
        add(MarkdownPlainText.of(brief.body), .body)
        let norm = k1 * (1 - b + b * Double(length) / referenceLength)
        return counts.map { term, halves in
            let frequency = Double(halves) / 2
            let saturated = frequency * (k1 + 1) / (frequency + norm)
            let weight = Int((saturated / (k1 + 1) * Double(SearchPostings.maximumWeight)).rounded())
            return (term, min(max(weight, 1), SearchPostings.maximumWeight))
        }
    }

    /// The shard that holds `term`: the one with the longest key that begins it.
    public func shard(holding term: String) -> SearchShard? {
        SearchShard.Keys(shards.map(\.key)).shard(holding: term).flatMap { key in shards.first { $0.key == key } }
    }
}

/// A year's briefs: `count` of them, numbered from `first` to `last`.
public struct SearchYear: Sendable, Equatable {
    public var year: Int
    public var first: Int
    public var last: Int
    public var count: Int
}
