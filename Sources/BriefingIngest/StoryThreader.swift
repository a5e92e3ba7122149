import BriefingCore

/// Decides which stories a brief belongs to, by a similarity of what the two are about.
///
/// The score of a brief against a story is
///
///     score = (0.70 · words + 0.20 · companies + 0.10 · topics) · time
///
/// - `words`: cosine of TF-IDF vectors over the words of titles, summaries, key points and bodies (a feed brief's
///   excerpt, a story's paragraphs), lower-cased, stop words dropped, a plural `s` stripped; a title's words count
///   twice, since a headline says what a piece is about and its body also says much else. A word's IDF is
///   `ln(1 + N / df)` over the N stories, so a word every story uses ("china", "chip") counts little and one only
///   this story uses counts most.
/// - `companies`, `topics`: the same cosine over the slugs each names, weighted by the same IDF over the stories.
///   A company counts in full where it is what the brief or story is about (a brief's `companies`, a story's
///   `companies`) and at `mentionWeight` where it is only mentioned (a brief's `mentions`; for a story, any other
///   company its text names): a company named in passing is weaker evidence of one storyline.
/// - `time`: 1 within `window` days (two months, about what a digest cluster covers) of the story's span (its dated
///   events), then halving every further 45 days.
///
/// A brief joins every story scoring at least `threshold` whose word similarity is at least `minimumWords`, unless
/// its title names companies it is about and the story names none of them (in its companies or its text): a
/// headline's companies are who the piece is about,
/// and a story without them is another story, however close its vocabulary. The threshold is set on the labelled
/// seeds (`Tests/BriefingIngestTests/Fixtures/threading-labels.txt`) for precision first — a wrong link is worse than
/// a missing one — and checked on a second, hand-written set (`Fixtures/threading-synthetic/`). A brief whose
/// title is a story's title (a digest cluster's own brief) is in that story alone.
public struct StoryThreader: Sendable {
    public static let threshold = 0.21
    /// The least word similarity a brief needs to join a story at all: companies alone (one shared OpenAI) are no story.
    public static let minimumWords = 0.05
    /// A score at least this, but under `threshold` (or kept out by the title's companies), is a near miss for
    /// `--explain`.
    public static let nearMiss = 0.14
    static let weights = (words: 0.70, companies: 0.20, topics: 0.10)
    /// How much a company a brief only mentions counts against one it is about, in the company similarity.
    static let mentionWeight = 0.5
    static let window = 60

    /// What the threader knows of a brief or a story: the text it compares and what it names.
    public struct Profile: Sendable {
        public var title: String
        var words: [String: Int]
        /// The companies it is about, and the others it names (a brief's `mentions`; those a story's text names).
        var companies: Set<Slug>
        var mentions: Set<Slug>
        var topics: Set<Slug>
        /// Days since the epoch: a brief's date; a story's span.
        var days: ClosedRange<Int>?

        /// A brief (or draft) as it would be written: title, summary and the key points of its body.
        public init(brief fields: Brief.Fields, body: String) {
            title = fields.title
            words = StoryThreader.words(in: [fields.title, fields.title, fields.summary] + StoryThreader.prose(of: body))
            companies = Set(fields.companies)
            mentions = Set(fields.mentions).subtracting(companies)
            topics = Set(fields.topics)
            let day = fields.date.secondsSinceEpoch / 86_400
            days = day...day
        }

        /// A story: its `companies` are what it is about; the other companies its text names (found by `named`)
        /// it mentions, as a brief does.
        public init(story: Story, briefDates: [Timestamp] = [], named: CompanyMatcher? = nil) {
            title = story.title
            let texts = [story.title, story.summary] + story.events.map(\.text) + StoryThreader.prose(of: story.body)
            words = StoryThreader.words(in: [story.title] + texts)
            companies = Set(story.companies)
            mentions = Set(named?.companies(in: texts.joined(separator: "\n")) ?? []).subtracting(companies)
            topics = Set(story.topics)
            let eventDays = story.events.compactMap { event -> Int? in
                guard let day = event.date.day, let month = event.date.month, !event.expected,
                      let stamp = Timestamp(year: event.date.year, month: month, day: day) else { return nil }
                return stamp.secondsSinceEpoch / 86_400
            }
            let all = eventDays + briefDates.map { $0.secondsSinceEpoch / 86_400 }
            days = all.min().flatMap { low in all.max().map { low...$0 } }
        }
    }

    /// One brief against one story, with the parts `--explain` shows.
    public struct Score: Sendable {
        public var story: Slug
        public var total: Double
        public var words: Double
        public var companies: Double
        public var topics: Double
        public var time: Double
        /// The shared words that weigh most, heaviest first.
        public var sharedWords: [String]
        public var sharedCompanies: [Slug]
        /// The companies the brief's title names (of those it lists), and whether the story names any of them: when
        /// it names none, the brief is kept out of the story.
        public var titleCompanies: [Slug]
        public var storyNamesTitleCompany: Bool
        public var attached: Bool
    }

    private let stories: [(slug: Slug, profile: Profile)]
    private let idf: [String: Double]
    private let vectors: [[String: Double]]
    private let titleCompanies: CompanyMatcher?

    /// `stories` with the dates of the briefs already in each, which widen its span; `titleCompanies` finds the
    /// companies a brief's title names (without it, none are looked for).
    public init(stories: [(slug: Slug, profile: Profile)], titleCompanies: CompanyMatcher? = nil) {
        self.titleCompanies = titleCompanies
        self.stories = stories.sorted { $0.slug < $1.slug }
        var df: [String: Int] = [:]
        for (_, profile) in self.stories {
            for word in profile.words.keys { df["w:" + word, default: 0] += 1 }
            for company in profile.companies.union(profile.mentions) { df["c:" + company.rawValue, default: 0] += 1 }
            for topic in profile.topics { df["t:" + topic.rawValue, default: 0] += 1 }
        }
        let count = Double(max(1, self.stories.count))
        idf = df.mapValues { log(1 + count / Double($0)) }
        let idf = self.idf
        vectors = self.stories.map { StoryThreader.vector($0.profile.words, idf: idf) }
    }

    /// Every story's score for the brief, best first (ties by slug).
    public func scores(for brief: Profile) -> [Score] {
        if let own = stories.first(where: { StoryThreader.sameTitle($0.profile.title, brief.title) }) {
            return [Score(
                story: own.slug, total: 1, words: 1, companies: 1, topics: 1, time: 1, sharedWords: [],
                sharedCompanies: own.profile.companies.intersection(brief.companies.union(brief.mentions)).sorted(), titleCompanies: [],
                storyNamesTitleCompany: true, attached: true)]
        }
        let words = StoryThreader.vector(brief.words, idf: idf)
        // Only companies the brief is about: an editor who removed one (or moved it to `mentions`) removed it from the
        // headline's too.
        let headline = Set(titleCompanies?.companies(in: brief.title) ?? []).intersection(brief.companies)
        var scores: [Score] = []
        for (index, story) in stories.enumerated() {
            let similarity = StoryThreader.cosine(words, vectors[index])
            let companies = StoryThreader.cosine(companyVector(brief), companyVector(story.profile))
            let topics = StoryThreader.cosine(vector(brief.topics, prefix: "t:"), vector(story.profile.topics, prefix: "t:"))
            let time = StoryThreader.nearness(brief.days, story.profile.days)
            let weights = StoryThreader.weights
            let total = (weights.words * similarity + weights.companies * companies + weights.topics * topics) * time
            let shared = words.compactMap { word, weight in vectors[index][word].map { (word, weight * $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            let namesHeadline = headline.isEmpty || !headline.isDisjoint(with: story.profile.companies.union(story.profile.mentions))
            scores.append(Score(
                story: story.slug, total: total, words: similarity, companies: companies, topics: topics, time: time,
                sharedWords: Array(shared.prefix(6)),
                sharedCompanies: brief.companies.union(brief.mentions).intersection(story.profile.companies.union(story.profile.mentions)).sorted(),
                titleCompanies: headline.sorted(), storyNamesTitleCompany: namesHeadline,
                attached: total >= StoryThreader.threshold && similarity >= StoryThreader.minimumWords && namesHeadline))
        }
        return scores.sorted { $0.total != $1.total ? $0.total > $1.total : $0.story < $1.story }
    }

    /// The stories the brief joins, best first.
    public func stories(for brief: Profile) -> [Slug] { scores(for: brief).filter(\.attached).map(\.story) }

    /// Slugs weighted by their IDF over the stories, times `scale`; one no story names weighs as the rarest would.
    private func vector(_ slugs: Set<Slug>, prefix: String, scale: Double = 1) -> [String: Double] {
        var vector: [String: Double] = [:]
        for slug in slugs { vector[slug.rawValue] = (idf[prefix + slug.rawValue] ?? log(1 + Double(max(1, stories.count)))) * scale }
        return vector
    }

    /// The companies a brief or story is about at their full weight, those it only mentions at `mentionWeight`.
    private func companyVector(_ profile: Profile) -> [String: Double] {
        let mentions = vector(profile.mentions, prefix: "c:", scale: StoryThreader.mentionWeight)
        return vector(profile.companies, prefix: "c:").merging(mentions) { about, _ in about }
    }

    static func vector(_ words: [String: Int], idf: [String: Double]) -> [String: Double] {
        // A word no story uses cannot be shared with one: it is left out rather than given a weight.
        var vector: [String: Double] = [:]
        for (word, count) in words {
            guard let weight = idf["w:" + word] else { continue }
            vector[word] = (1 + log(Double(count))) * weight
        }
        return vector
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let dot = a.reduce(0.0) { $0 + $1.value * (b[$1.key] ?? 0) }
        let normA = a.values.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        let normB = b.values.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        return normA == 0 || normB == 0 ? 0 : dot / (normA * normB)
    }

    static func nearness(_ brief: ClosedRange<Int>?, _ story: ClosedRange<Int>?) -> Double {
        guard let brief, let story else { return 1 }
        let apart = brief.lowerBound > story.upperBound ? brief.lowerBound - story.upperBound
            : story.lowerBound > brief.upperBound ? story.lowerBound - brief.upperBound : 0
        return apart <= window ? 1 : pow(0.5, Double(apart - window) / 45)
    }

    static func sameTitle(_ a: String, _ b: String) -> Bool {
        words(in: [a]) == words(in: [b]) && !a.isEmpty
    }

    /// A body's text lines without headings, links and the digest's article count: its paragraphs, key points
    /// and excerpt.
    static func prose(of body: String) -> [String] {
        body.split(separator: "\n").filter { line in
            !(line.hasPrefix("#") || line.hasPrefix("[") || line.hasPrefix("*Based on "))
        }.map(String.init)
    }

    /// The bullets of a body's `## Key points` section.
    static func keyPoints(in body: String) -> [String] {
        var points: [String] = []
        var inside = false
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                inside = line.lowercased() == "## key points"
            } else if inside, line.hasPrefix("- ") {
                points.append(String(line.dropFirst(2)))
            }
        }
        return points
    }

    /// Word counts: lower-cased letters and digits, three or more, stop words dropped, a plural `s` stripped.
    static func words(in texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts {
            var word = ""
            func flush() {
                defer { word = "" }
                guard word.count >= 3, !stopWords.contains(word) else { return }
                var stem = word
                if stem.count > 4, stem.hasSuffix("ies") { stem.removeLast(3); stem += "y" }
                else if stem.count > 4, stem.hasSuffix("s"), !stem.hasSuffix("ss") { stem.removeLast() }
                counts[stem, default: 0] += 1
            }
            for scalar in text.lowercased().unicodeScalars {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    word.unicodeScalars.append(scalar)
                } else if scalar != "’" && scalar != "'" {
                    flush()
                }
            }
            flush()
        }
        return counts
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out", "has", "have",
        "his", "how", "its", "may", "new", "now", "old", "see", "two", "who", "did", "get", "let", "say", "she", "too", "use", "with",
        "that", "this", "from", "they", "will", "would", "there", "their", "what", "about", "which", "when", "were", "been", "into",
        "more", "than", "them", "then", "these", "some", "such", "also", "other", "after", "over", "said", "says", "while", "amid",
        "year", "years", "could", "should", "being", "where", "just", "most", "very", "even", "many", "much", "only", "like",
        "including", "across", "between", "through", "reported", "report", "reports", "according", "company", "companies", "firms",
    ]
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
