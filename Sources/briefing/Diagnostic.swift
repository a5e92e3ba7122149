import BriefingBuild
import BriefingCheck
import BriefingCore
import BriefingIngest
import BriefingScaffold

/// A message for the user about one place: the file, the line and column where known, what is wrong and what to do.
struct Diagnostic: Sendable, Equatable {
    enum Severity: String, Sendable {
        case error, warning
    }

    var file: String
    var line: Int?
    var column: Int?
    var severity: Severity
    var message: String
    var fix: String?

    init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.fix = fix
    }

    init(_ problem: CheckProblem) {
        self.init(
            file: problem.file, line: problem.line, column: problem.column,
            severity: problem.severity == .error ? .error : .warning, message: problem.message, fix: problem.fix)
    }

    init(_ problem: ContentProblem) {
        self.init(file: problem.file, line: problem.line, column: problem.column, message: problem.message, fix: problem.fix)
    }

    /// Every error a command can end with, as located diagnostics; an error of no known kind keeps its description.
    static func of(_ error: any Error) -> [Diagnostic] {
        switch error {
        case let error as BuildError:
            return error.problems.map(Diagnostic.init)
        case let error as ContentErrors:
            return error.problems.map(Diagnostic.init)
        case let error as ContentProblem:
            return [Diagnostic(error)]
        case let error as IngestError:
            return error.problems.map(Diagnostic.init) + [Diagnostic(file: error.file, line: error.line, message: error.message, fix: error.fix)]
        case let error as ScaffoldError:
            return error.problems.map(Diagnostic.init) + [Diagnostic(file: error.file, message: error.message, fix: error.fix)]
        default:
            return [Diagnostic(file: "briefing", message: String(describing: error))]
        }
    }
}

extension Terminal {
    /// Writes each diagnostic on its own line, then `closing` when there is one.
    func report(_ diagnostics: [Diagnostic], closing: String? = nil) {
        var text = diagnostics.map { style.format($0) + "\n" }.joined()
        if let closing { text += closing + "\n" }
        write(text)
    }

    /// Writes an error a command ended with, located and with what to do.
    func report(_ error: any Error, closing: String? = nil) {
        report(Diagnostic.of(error), closing: closing)
    }
}
