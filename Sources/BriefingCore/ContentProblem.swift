/// One thing wrong with the site's input, located precisely enough for an editor to fix it.
public struct ContentProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user would type it (relative to the site folder where possible).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// What to do about it, phrased as an instruction.
    public var fix: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
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
