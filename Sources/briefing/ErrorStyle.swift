/// Formats diagnostics the way compilers do, `file:line:col: error: what — fix`, so editors can jump to them;
/// with colour, the location is bold and the severity red or yellow.
struct ErrorStyle: Sendable {
    let colour: Bool

    func format(_ diagnostic: Diagnostic) -> String {
        var location = diagnostic.file
        if let line = diagnostic.line {
            location += ":\(line)"
            if let column = diagnostic.column { location += ":\(column)" }
        }
        let severity = diagnostic.severity.rawValue + ":"
        let fix = diagnostic.fix.map { " — " + $0 } ?? ""
        guard colour else { return "\(location): \(severity) \(diagnostic.message)\(fix)" }
        let severityColour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return "\u{1B}[1m\(location):\u{1B}[0m \(severityColour)\(severity)\u{1B}[0m \(diagnostic.message)\(fix)"
    }

    /// A line of emphasis, such as a summary.
    func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    func dim(_ text: String) -> String {
        colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }
}
