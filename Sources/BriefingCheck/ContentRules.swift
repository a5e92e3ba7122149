import BriefingCore
import Foundation

/// The content rules `check` adds to the loader's own (types, required fields, slugs, duplicates, references):
/// briefs dated in the future, empty bodies, missing summaries and fields no reader knows.
struct ContentRules: Sendable {
    var options: CheckOptions

    func problems(in content: SiteContent) -> [CheckProblem] {
        var problems = content.problems.map(CheckProblem.init)
        for brief in content.briefs {
            problems += futureDate(of: brief)
            if !Self.hasText(brief.body) {
                problems.append(emptyBody(at: brief.location, kind: "brief", fix: "write what happened, why it matters and who is involved"))
            }
            if brief.summary.allSatisfy(\.isWhitespace) {
                problems.append(CheckProblem(
                    file: brief.location.file, line: brief.location.fieldLines["summary"] ?? 2, rule: .missingSummary,
                    message: "the brief has no summary",
                    fix: "add `summary: …`, one or two sentences: cards, feeds and the home page show it"))
            }
            problems += unknownFields(at: brief.location, known: Brief.fieldNames, kind: "a brief")
        }
        for company in content.companies {
            if !Self.hasText(company.body) {
                problems.append(emptyBody(at: company.location, kind: "company", fix: "write a short profile: what it does and why it matters here"))
            }
            problems += unknownFields(at: company.location, known: Company.fieldNames, kind: "a company")
        }
        for topic in content.topics {
            if !Self.hasText(topic.body) {
                problems.append(emptyBody(at: topic.location, kind: "topic", fix: "write a short introduction: what the topic covers"))
            }
            problems += unknownFields(at: topic.location, known: Topic.fieldNames, kind: "a topic")
        }
        for story in content.stories {
            if !Self.hasText(story.body) {
                problems.append(emptyBody(at: story.location, kind: "story", fix: "write what is happening, why it matters and who is involved"))
            }
            if story.summary.allSatisfy(\.isWhitespace) {
                problems.append(CheckProblem(
                    file: story.location.file, line: story.location.fieldLines["summary"] ?? 2, rule: .missingSummary,
                    message: "the story has no summary", fix: "add `summary: …`, one or two sentences: the story list shows it"))
            }
            problems += unknownFields(at: story.location, known: Story.fieldNames, kind: "a story")
        }
        return problems
    }

    private func futureDate(of brief: Brief) -> [CheckProblem] {
        let limit = options.now.secondsSinceEpoch + options.futureToleranceDays * 86_400
        guard brief.date.secondsSinceEpoch > limit else { return [] }
        let days = (brief.date.secondsSinceEpoch - options.now.secondsSinceEpoch + 86_399) / 86_400
        return [CheckProblem(
            file: brief.location.file, line: brief.location.line(of: "date"), rule: .futureDate,
            message: "the brief is dated \(brief.date), \(CountText.of(days, "day")) from now (\(options.now.date))",
            fix: "correct the date (a brief is published when the site is built), or allow it with --future-tolerance \(days)")]
    }

    private func emptyBody(at location: ContentLocation, kind: String, fix: String) -> CheckProblem {
        CheckProblem(
            file: location.file, line: location.bodyLine, rule: .emptyBody,
            message: "the \(kind) has no text after its front matter (headings and comments do not count)", fix: fix)
    }

    private func unknownFields(at location: ContentLocation, known: [String], kind: String) -> [CheckProblem] {
        location.fieldLines.keys.filter { !known.contains($0) }.sorted().map { field in
            let suggestion = NameSuggestion.closest(to: field, among: known).map { "did you mean `\($0)`? " } ?? ""
            return CheckProblem(
                file: location.file, line: location.line(of: field), rule: .unknownField,
                message: "unknown field `\(field)`: the build ignores it",
                fix: "\(suggestion)\(kind.prefix(1).uppercased() + kind.dropFirst())'s fields are: \(known.joined(separator: ", "))")
        }
    }

    /// Whether a Markdown body has anything a reader would see besides headings: the guidance `briefing new`
    /// leaves in comments, empty list items and rules do not count.
    static func hasText(_ markdown: String) -> Bool {
        // Line by line, stopping at the first with text: most bodies have it on their first line.
        var inComment = false
        var remaining = Substring(markdown)
        while !remaining.isEmpty {
            let end = remaining.firstIndex(where: \.isNewline) ?? remaining.endIndex
            var rest = remaining[..<end]
            remaining = end == remaining.endIndex ? remaining[end...] : remaining[remaining.index(after: end)...]
            var visible = ""
            while !rest.isEmpty {
                if inComment {
                    guard let close = rest.range(of: "-->") else { break }
                    rest = rest[close.upperBound...]
                    inComment = false
                } else if let open = rest.range(of: "<!--") {
                    visible += rest[..<open.lowerBound]
                    rest = rest[open.upperBound...]
                    inComment = true
                } else {
                    visible += rest
                    break
                }
            }
            if lineHasText(Substring(visible)) { return true }
        }
        return false
    }

    private static func lineHasText(_ line: Substring) -> Bool {
        var text = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        let hashes = text.prefix { $0 == "#" }
        if (1...6).contains(hashes.count), text.dropFirst(hashes.count).first.map({ $0 == " " || $0 == "\t" }) ?? true { return false }
        // A list item's marker alone (`-`, `*`, `+`, `1.`, `2)`) is not text; nor is a rule or an underline.
        if let marker = text.first, "-*+".contains(marker), text.dropFirst().first.map({ $0 == " " }) ?? true {
            text = text.dropFirst()
        } else {
            let digits = text.prefix(while: \.isNumber)
            let after = text.dropFirst(digits.count)
            if !digits.isEmpty, let marker = after.first, marker == "." || marker == ")", after.dropFirst().first.map({ $0 == " " }) ?? true {
                text = after.dropFirst()
            }
        }
        return !text.allSatisfy { " \t-*_=".contains($0) }
    }
}
