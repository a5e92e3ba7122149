import BriefingCore
import Foundation

/// Finds the organisations texts name that the company registry does not know, and the evidence that each is a
/// company: its form, a ticker, how the text describes it, how often and in how many items it appears.
///
/// Names are `CapitalisedNames`' runs of capitalised words (and brands like "iQIYI"); the words around each
/// mention give its cues (`CompanyCandidate.Cue`). People (a title before the name, a role after it), products
/// (a known company's possessive before it, a product noun after it), places, publications and agencies
/// (`NonCompanyNames`) are left out, so what remains is scored and `isStrong` decides what ingest adds.
public struct CompanyCandidates: Sendable {
    private let known: CompanyMatcher

    public init(known: CompanyMatcher) {
        self.known = known
    }

    /// What one mention says about its name.
    private struct Mention {
        var name: String
        var item: Int
        var cues: Set<CompanyCandidate.Cue> = []
        var isPerson = false
        var isProduct = false
        /// Part of a longer name: "Smart Industries Group" of "Cloud & Smart Industries Group".
        var isPart = false
        var ticker: String?
        var acronym: String?
        var sentence: String = ""
    }

    /// The candidates across `texts` (one text per item), strongest first, then by name.
    public func candidates(in texts: [String]) -> [CompanyCandidate] {
        var byKey: [String: [Mention]] = [:]
        var order: [String] = []
        for (item, text) in texts.enumerated() {
            let scalars = TextNormalisation.normalisedScalars(text)
            let knownScalars = known.knownScalars(in: scalars)
            var sentences: [String]?
            for (found, foundRange, opensSentence) in CapitalisedNames.occurrences(in: scalars, excluding: knownScalars) {
                var (name, range) = (found, foundRange)
                var mention = read(name: name, at: range, in: scalars, known: knownScalars, item: item)
                // A sentence's first word counts only with a cue of its own: "Temu, the e-commerce platform, …".
                if opensSentence, mention.cues.isEmpty { continue }
                // "said Matt Orton of Raymond James Investment Management": a person of an organisation.
                if mention.isPerson, let of = name.range(of: " of ", options: .backwards) {
                    let offset = name.unicodeScalars.distance(from: name.unicodeScalars.startIndex, to: of.upperBound)
                    name = String(name[of.upperBound...])
                    range = (range.lowerBound + offset)..<range.upperBound
                    mention = read(name: name, at: range, in: scalars, known: knownScalars, item: item)
                    mention.isPerson = false
                }
                guard !mention.isPart, let key = Self.key(of: name) else { continue }
                if sentences == nil { sentences = SentenceSplitter.sentences(in: TextNormalisation.normalised(text)) }
                mention.sentence = sentences?.first { $0.contains(name) }.map { String($0.prefix(300)) } ?? ""
                if byKey[key] == nil { order.append(key) }
                byKey[key, default: []].append(mention)
            }
        }
        var found: [CompanyCandidate] = []
        for key in order {
            guard let mentions = byKey[key], let candidate = candidate(key: key, from: mentions) else { continue }
            found.append(candidate)
        }
        return found.sorted { ($0.score, $1.name) > ($1.score, $0.name) }
    }

    /// The name compared across mentions: lower-cased, without a leading "the" or trailing legal forms.
    static func key(of name: String) -> String? {
        var words = name.lowercased().split(separator: " ").map(String.init)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        while words.count > 1, let last = words.last, NonCompanyNames.legalForms.contains(last) { words.removeLast() }
        let key = words.joined(separator: " ")
        return key.isEmpty ? nil : key
    }

    private func candidate(key: String, from mentions: [Mention]) -> CompanyCandidate? {
        let spellings = mentions.map(\.name)
        let words = key.split(separator: " ").map(String.init)
        if NonCompanyNames.isStopped(key) || spellings.contains(where: { NonCompanyNames.isStopped($0.lowercased()) }) { return nil }
        if NonCompanyNames.hasNonCompanyWord(words) { return nil }
        // "Hynix" of "SK Hynix": a short name of a company the registry has.
        if words.count == 1, known.wordsOfNames.contains(key) { return nil }
        let cues = mentions.reduce(into: Set<CompanyCandidate.Cue>()) { $0.formUnion($1.cues) }
        // A name introduced with a title or a role is a person's, unless it has a corporate form.
        if mentions.contains(where: \.isPerson), !cues.contains(.form) { return nil }
        let organisational = mentions.filter { !$0.cues.isEmpty }.count
        if mentions.filter(\.isProduct).count >= max(1, organisational) { return nil }
        // Usually written as: the most frequent spelling without a legal form, else the most frequent.
        var counts: [String: Int] = [:]
        for spelling in spellings { counts[spelling, default: 0] += 1 }
        let ranked = spellings.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .enumerated().sorted { a, b in
                let (bareA, bareB) = (Self.isBare(a.element), Self.isBare(b.element))
                if bareA != bareB { return bareA }
                if counts[a.element] != counts[b.element] { return counts[a.element] ?? 0 > counts[b.element] ?? 0 }
                return a.offset < b.offset
            }.map(\.element)
        guard let name = ranked.first else { return nil }
        var aliases = Array(ranked.dropFirst())
        for acronym in mentions.compactMap(\.acronym) where acronym != name && !aliases.contains(acronym) { aliases.append(acronym) }
        let strongest = mentions.max { $0.cues.reduce(0) { $0 + $1.points } < $1.cues.reduce(0) { $0 + $1.points } }
        return CompanyCandidate(
            name: name, aliases: aliases, ticker: mentions.lazy.compactMap(\.ticker).first, cues: cues,
            mentions: mentions.count, items: Set(mentions.map(\.item)).count,
            context: (strongest?.sentence.isEmpty == false ? strongest?.sentence : mentions.first?.sentence) ?? "")
    }

    private static func isBare(_ spelling: String) -> Bool {
        guard let last = spelling.lowercased().split(separator: " ").last else { return true }
        return !NonCompanyNames.legalForms.contains(String(last))
    }

    /// The cues of one mention, from the words around it.
    private func read(name: String, at range: Range<Int>, in scalars: [Unicode.Scalar], known: [Bool], item: Int) -> Mention {
        var mention = Mention(name: name, item: item)
        let before = Self.text(scalars[max(0, range.lowerBound - 160)..<range.lowerBound])
        let after = Self.text(scalars[range.upperBound..<min(scalars.count, range.upperBound + 160)])
        let lowerBefore = before.lowercased()
        let lowerAfter = after.lowercased()
        let nameWords = name.lowercased().split(separator: " ").map(String.init)
        let beforeWords = Self.tokens(before)
        let lastBefore = beforeWords.last?.lowercased() ?? ""

        if nameWords.count > 1, let last = nameWords.last,
           NonCompanyNames.corporateForms.contains(last) || nameWords.first == "bank" {
            mention.cues.insert(.form)
        }
        if let (exchange, symbol) = Self.bracketed(after), NonCompanyNames.exchanges.contains(exchange.lowercased()) {
            mention.cues.insert(.ticker)
            mention.ticker = "\(exchange.uppercased()): \(symbol)"
        } else if let inside = Self.parenthesis(after), inside.count >= 2, inside.count <= 10, !inside.contains(" "),
                  inside.unicodeScalars.filter(TextNormalisation.isUppercase).count >= 2,
                  inside.unicodeScalars.allSatisfy({ TextNormalisation.isWordScalar($0) || $0 == "&" }) {
            mention.acronym = inside
        }
        if Self.isAppositive(lowerAfter) { mention.cues.insert(.appositive) }
        if NonCompanyNames.companyNouns.contains(lastBefore), !["owned", "group", "groups", "player", "players"].contains(lastBefore) {
            mention.cues.insert(.descriptor)
        }
        if Self.isListedUnderCompanyNoun(beforeWords) { mention.cues.insert(.listed) }
        if Self.isCorporate(before: lowerBefore, after: lowerAfter) { mention.cues.insert(.corporate) }

        // A person: a title right before the name, or a role right after it.
        if NonCompanyNames.personTitles.contains(lastBefore) { mention.isPerson = true }
        if lowerAfter.hasPrefix(", ") {
            var words = Self.tokens(String(lowerAfter.dropFirst(2))).prefix(3).map { $0 }
            if let first = words.first, ["a", "an", "the"].contains(first) { words.removeFirst() }
            if let first = words.first, NonCompanyNames.personAppositives.contains(first) { mention.isPerson = true }
        }
        // Part of a longer name: "Cloud & Smart Industries Group", "Academy of Information and Communications Technology".
        if lastBefore == "&" { mention.isPart = true }
        if lastBefore == "and", beforeWords.dropLast().last?.first?.isUppercase == true,
           beforeWords.dropLast().suffix(4).contains(where: { NonCompanyNames.nonCompanyWords.contains($0.lowercased()) }) {
            mention.isPart = true
        }
        // A product: a known company's possessive before it ("Alibaba's Qwen"), its owner's "its", or a product noun after it.
        if ["its", "their"].contains(lastBefore) { mention.isProduct = true }
        let start = range.lowerBound
        if start >= 4, scalars[start - 1] == " ", scalars[start - 2] == "s", scalars[start - 3] == "'", known[start - 4] {
            mention.isProduct = true
        }
        let nextWord = Self.tokens(lowerAfter).first ?? ""
        if NonCompanyNames.productNouns.contains(nextWord), !mention.cues.contains(.form) { mention.isProduct = true }
        return mention
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Words and the punctuation that shapes lists ("(", ",", "/", ";", ".", ")") as separate tokens.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == " " || character == "\n" || character == "\t" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else if "(),/;:\u{201C}\u{201D}\"[]".contains(character) {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                tokens.append(String(character))
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        // A full stop ends a sentence, so it stands on its own, except in "U.S." and "JD.com".
        return tokens.flatMap { token -> [String] in
            token.count > 1 && token.hasSuffix(".") && !token.dropLast().contains(".") ? [String(token.dropLast()), "."] : [token]
        }
    }

    /// "(NASDAQ: PDD)" right after the name: the exchange and the symbol.
    static func bracketed(_ after: String) -> (String, String)? {
        guard let inside = parenthesis(after), let colon = inside.firstIndex(of: ":") else { return nil }
        let exchange = inside[..<colon].trimmingCharacters(in: .whitespaces)
        let symbol = inside[inside.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !exchange.isEmpty, !symbol.isEmpty, symbol.count <= 8, !symbol.contains(" ") else { return nil }
        return (exchange, symbol)
    }

    /// What stands in brackets right after the name, if a short bracket opens there.
    static func parenthesis(_ after: String) -> String? {
        let trimmed = after.drop { $0 == " " }
        guard trimmed.first == "(", let close = trimmed.firstIndex(of: ")") else { return nil }
        let inside = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
        return inside.count <= 60 ? String(inside) : nil
    }

    /// "X, the e-commerce platform", "X (Canadian teardown firm)", "X is a chipmaker": a company noun within the
    /// next six words of an apposition.
    static func isAppositive(_ lowerAfter: String) -> Bool {
        var rest: Substring
        if lowerAfter.hasPrefix(", the ") || lowerAfter.hasPrefix(", a ") || lowerAfter.hasPrefix(", an ") {
            rest = lowerAfter.dropFirst(2)
        } else if lowerAfter.hasPrefix(" is a ") || lowerAfter.hasPrefix(" is an ") || lowerAfter.hasPrefix(" is the ") {
            rest = lowerAfter.dropFirst(4)
        } else if let inside = parenthesis(lowerAfter) {
            rest = Substring(inside)
        } else {
            return false
        }
        if let end = rest.firstIndex(where: { ",;.)".contains($0) }) { rest = rest[..<end] }
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "/" }).prefix(7).map(String.init)
        return words.contains(where: NonCompanyNames.companyNouns.contains)
    }

    /// "platforms like Temu and Shein", "battery giants (BYD, CATL, Tianqi)", "firms such as X": reading back
    /// over the list the name is in to the word that opens it, with a company noun within three words before.
    static func isListedUnderCompanyNoun(_ before: [String]) -> Bool {
        var index = before.count - 1
        var steps = 0
        var opener: Int?
        while index >= 0, steps < 16 {
            let token = before[index]
            let lower = token.lowercased()
            if token == "(" || lower == "like" || lower == "including" || (lower == "as" && index > 0 && before[index - 1].lowercased() == "such") {
                opener = lower == "as" ? index - 1 : index
                break
            }
            let isName = token.unicodeScalars.first.map { TextNormalisation.isUppercase($0) || TextNormalisation.isDigit($0) } ?? false
                || (token.unicodeScalars.count > 1 && TextNormalisation.isUppercase(token.unicodeScalars[token.unicodeScalars.index(after: token.unicodeScalars.startIndex)]))
            guard [",", "/", "&", "and", "or"].contains(lower) || isName else { return false }
            index -= 1
            steps += 1
        }
        guard let opener else { return false }
        return before[max(0, opener - 3)..<opener].contains { NonCompanyNames.companyNouns.contains($0.lowercased()) }
    }

    /// "X's chief executive", "X shares", "shares of X", "owned by X", "a unit of X".
    static func isCorporate(before lowerBefore: String, after lowerAfter: String) -> Bool {
        if lowerAfter.hasPrefix("'s ") {
            let next = tokens(String(lowerAfter.dropFirst(3))).first ?? ""
            if NonCompanyNames.corporatePossessions.contains(next) { return true }
        }
        let next = tokens(lowerAfter).first ?? ""
        if next == "shares" || next == "stock" { return true }
        let words = tokens(lowerBefore).suffix(3)
        let tail = words.joined(separator: " ")
        for ending in ["shares of", "stake in", "subsidiary of", "unit of", "owned by", "backed by", "acquired by", "spun off from"]
        where tail.hasSuffix(ending) {
            return true
        }
        // "majority-owned by China's Wingtech"
        let lastTwo = Array(words.suffix(2))
        if lastTwo.count == 2, lastTwo[0] == "by" || lastTwo[1].hasSuffix("'s"), let by = words.dropLast().last, by == "by" {
            return words.first?.hasSuffix("owned") == true
        }
        return false
    }
}

extension CompanyCandidates {
    /// The candidates in the briefs a site already has (title, summary, body and events of each), for
    /// `briefing companies suggest`: what the registry may still lack, each with its evidence.
    public static func inBriefs(of siteDirectory: URL) throws(IngestError) -> [CompanyCandidate] {
        let registry: (topics: [Topic], companies: [Company])
        do {
            registry = try SiteLoader(directory: siteDirectory).loadRegistry()
        } catch {
            throw IngestError(
                file: "content/", message: "the company and topic registry has problems",
                fix: "fix the files above first: suggestions leave out the companies it has", problems: error.problems)
        }
        let folder = siteDirectory.appendingPathComponent("content/briefs")
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }.sorted()
        var texts: [String] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8),
                  let matter = try? FrontMatter.parse(text, file: name) else { continue }
            var fields = matter.fields
            let brief = Brief.Fields.readAll(&fields).record
            // Headings and the lines ingest writes itself ("*Based on 3 articles.*", "[Read the full story…") name no one.
            let prose = matter.body.split(separator: "\n").filter { line in
                !line.hasPrefix("#") && !line.hasPrefix("*Based on ") && !line.hasPrefix("[Read the full story")
            }
            texts.append(([brief.title, brief.summary] + prose.map(String.init) + brief.events.map(\.text)).joined(separator: "\n"))
        }
        return CompanyCandidates(known: CompanyMatcher(companies: registry.companies)).candidates(in: texts)
    }
}
