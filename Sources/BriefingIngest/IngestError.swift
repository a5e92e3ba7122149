import BriefingCore

/// Why a source document could not be ingested: where, what, and what to do. Nothing is written when it is thrown.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public var fix: String?
    /// The located problems behind this error when it is about the site's own files (its registry).
    public var problems: [ContentProblem]

    public init(file: String, line: Int? = nil, message: String, fix: String? = nil, problems: [ContentProblem] = []) {
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
        self.problems = problems
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let own = fix.map { "\(location): \(message) — \($0)" } ?? "\(location): \(message)"
        return (problems.map(\.description) + [own]).joined(separator: "\n")
    }
}
