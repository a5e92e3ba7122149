import Foundation

/// Everything one `briefing check` found, with the counts its summary line and its JSON document give.
public struct CheckReport: Sendable {
    /// In reading order: by file, then line and column.
    public var problems: [CheckProblem] = []
    public var externalLinks: [ExternalLink] = []
    public var externalLinksFetched = false
    /// Why the built site's links were not checked, when they were not (the content did not build).
    public var linksSkipped: String?
    public var briefs = 0
    public var companies = 0
    public var topics = 0
    public var stories = 0
    /// HTML pages and feeds whose links were checked.
    public var pages = 0
    public var internalLinks = 0

    public init() {}

    public var errors: Int { problems.filter { $0.severity == .error }.count }
    public var warnings: Int { problems.filter { $0.severity == .warning }.count }
    public var files: Int { Set(problems.map(\.file)).count }
    /// Clean means nothing at all to report: warnings count, `check` is meant to be strict.
    public var isClean: Bool { problems.isEmpty }

    func sorted() -> CheckReport {
        var report = self
        report.problems.sort(by: CheckProblem.reading)
        return report
    }

    /// The problems file by file, files in order: how the text output groups them.
    public var problemsByFile: [(file: String, problems: [CheckProblem])] {
        var groups: [(file: String, problems: [CheckProblem])] = []
        for problem in problems {
            if groups.last?.file == problem.file {
                groups[groups.count - 1].problems.append(problem)
            } else {
                groups.append((problem.file, [problem]))
            }
        }
        return groups
    }

    /// `check: 3 errors, 1 warning in 2 files`, or what was checked when nothing was found.
    public var summary: String {
        if isClean {
            var checked = "\(CountText.of(briefs, "brief")), \(CountText.of(stories, "story", "stories")), "
                + "\(CountText.of(companies, "company", "companies")), \(CountText.of(topics, "topic"))"
            if linksSkipped == nil {
                checked += "; \(CountText.of(pages, "page")), \(CountText.of(internalLinks, "internal link"))"
                if !externalLinks.isEmpty {
                    checked += externalLinksFetched
                        ? ", \(CountText.of(externalLinks.count, "external link")) fetched"
                        : ", \(CountText.of(externalLinks.count, "external link")) not fetched (--external fetches them)"
                }
            }
            return "check: no problems in \(checked)"
        }
        return "check: \(CountText.of(errors, "error")), \(CountText.of(warnings, "warning")) in \(CountText.of(files, "file"))"
    }

    /// The report for CI, in a shape that only grows: `problems` (each with `file`, `line`, `column`, `severity`,
    /// `rule`, `message`, `fix`; absent values are null), `externalLinks` and `summary`.
    public func json() -> String {
        let document = JSONDocument(
            version: 1,
            problems: problems.map {
                JSONDocument.Problem(
                    file: $0.file, line: Nullable($0.line), column: Nullable($0.column), severity: $0.severity.rawValue,
                    rule: $0.rule.rawValue, message: $0.message, fix: Nullable($0.fix))
            },
            externalLinks: externalLinks.map {
                JSONDocument.Link(url: $0.url, occurrences: $0.occurrences, file: $0.file, line: $0.line, column: $0.column)
            },
            summary: JSONDocument.Summary(
                clean: isClean, errors: errors, warnings: warnings, files: files, briefs: briefs, stories: stories,
                companies: companies, topics: topics, pages: pages, internalLinks: internalLinks, externalLinks: externalLinks.count,
                externalLinksFetched: externalLinksFetched, linksSkipped: Nullable(linksSkipped)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The JSON document's shape; optional values are `Nullable` so they appear as null rather than vanish.
private struct JSONDocument: Encodable {
    struct Problem: Encodable {
        var file: String
        var line: Nullable<Int>
        var column: Nullable<Int>
        var severity: String
        var rule: String
        var message: String
        var fix: Nullable<String>
    }

    struct Link: Encodable {
        var url: String
        var occurrences: Int
        var file: String
        var line: Int
        var column: Int
    }

    struct Summary: Encodable {
        var clean: Bool
        var errors: Int
        var warnings: Int
        var files: Int
        var briefs: Int
        var stories: Int
        var companies: Int
        var topics: Int
        var pages: Int
        var internalLinks: Int
        var externalLinks: Int
        var externalLinksFetched: Bool
        var linksSkipped: Nullable<String>
    }

    var version: Int
    var problems: [Problem]
    var externalLinks: [Link]
    var summary: Summary
}

/// An optional written as `null` when absent: a stable document keeps every key.
private struct Nullable<Value: Encodable>: Encodable {
    var value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
