import BriefingCore

/// One finding of `briefing check`: where it is, what is wrong, what to do, and under which rule.
public struct CheckProblem: Sendable, Equatable, Hashable {
    /// Relative to the site folder: `content/briefs/2025/x.md`, or `public/briefs/x/index.html` for the built site.
    public var file: String
    public var line: Int?
    public var column: Int?
    public var rule: CheckRule
    public var message: String
    public var fix: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, rule: CheckRule, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.message = message
        self.fix = fix
    }

    public init(_ problem: ContentProblem) {
        self.init(
            file: problem.file, line: problem.line, column: problem.column, rule: CheckRule(loaderRule: problem.rule),
            message: problem.message, fix: problem.fix)
    }

    public var severity: CheckSeverity { rule.severity }

    /// File, then line, then column: the order an editor works through a file in.
    static func reading(_ a: CheckProblem, _ b: CheckProblem) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0, a.rule.rawValue, a.message) < (b.file, b.line ?? 0, b.column ?? 0, b.rule.rawValue, b.message)
    }
}
