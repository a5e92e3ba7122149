import BriefingBuild
import BriefingCore
import Foundation

extension BuildError {
    /// The error as located problems (file, line and column where known, what is wrong, what to do), so a
    /// failed build reads like the rest of `check`'s findings and the CLI can format it the same way.
    public var problems: [CheckProblem] {
        switch self {
        case .content(let errors):
            return errors.problems.map(CheckProblem.init)
        case .theme(let theme) where !theme.templateErrors.isEmpty:
            return theme.templateErrors.map { template in
                CheckProblem(
                    file: template.path ?? "template '\(template.template)'", line: template.line > 0 ? template.line : nil,
                    column: template.column > 0 ? template.column : nil, rule: .build, message: template.message)
            }
        case .theme(let theme):
            return [CheckProblem(file: theme.file ?? "templates/", rule: .build, message: theme.message, fix: theme.fix)]
        case .template(let page, let message):
            return [CheckProblem(file: page, rule: .build, message: "cannot render the page: \(message)",
                                 fix: "correct the template named in the message")]
        case .output(let path, let message):
            // Output messages read "what is wrong — what to do".
            let parts = message.components(separatedBy: " — ")
            return [CheckProblem(
                file: path, rule: .build, message: parts[0], fix: parts.count > 1 ? parts.dropFirst().joined(separator: " — ") : nil)]
        }
    }
}
