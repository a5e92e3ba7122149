import BriefingCore

/// Why `briefing new` wrote nothing: which file or option, what is wrong, and what to do.
public struct ScaffoldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file in the way or at fault, or the option (`--topic`) that was wrong.
    public var file: String
    public var message: String
    public var fix: String?
    /// Problems in the site's registry that stopped the command, each located in its file.
    public var problems: [ContentProblem]

    public init(file: String, message: String, fix: String? = nil, problems: [ContentProblem] = []) {
        self.file = file
        self.message = message
        self.fix = fix
        self.problems = problems
    }

    public var description: String {
        let own = fix.map { "\(file): \(message) — \($0)" } ?? "\(file): \(message)"
        return (problems.map(\.description) + [own]).joined(separator: "\n")
    }
}
