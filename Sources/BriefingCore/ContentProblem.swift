/// One thing wrong with the site's input, located precisely enough for an editor to fix it.
public struct ContentProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user would type it (relative to the site folder where possible).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// What to do about it, phrased as an instruction.
    public var fix: String?
    /// Which kind of mistake it is, a stable name tools can filter on (`front-matter`, `unknown-topic`…).
    public var rule: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, fix: String? = nil, rule: String = ContentProblem.frontMatter) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
        self.rule = rule
    }

    // The loader's rule names; `briefing check` adds its own beside them.
    public static let frontMatter = "front-matter"
    public static let config = "config"
    public static let unreadableFile = "file"
    public static let duplicateSlug = "duplicate-slug"
    public static let duplicateID = "duplicate-id"
    public static let unknownTopic = "unknown-topic"
    public static let unknownCompany = "unknown-company"
    public static let unknownStory = "unknown-story"

    /// The same problem filed under another rule.
    public func ruled(_ rule: String) -> ContentProblem {
        var problem = self
        problem.rule = rule
        return problem
    }

    /// `file:line:column: message — fix`, the shape compilers use so editors can jump to it.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, let column, line > 0 { location += ":\(column)" }
        guard let fix else { return "\(location): \(message)" }
        return "\(location): \(message) — \(fix)"
    }
}

/// Every problem found while loading a site: the build reports all of them at once, not just the first.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [ContentProblem]

    public init(_ problems: [ContentProblem]) {
        self.problems = problems.sorted { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
    }

    public var description: String {
        let noun = problems.count == 1 ? "problem" : "problems"
        return problems.map(\.description).joined(separator: "\n") + "\n\(problems.count) \(noun) in the site's content."
    }
}
