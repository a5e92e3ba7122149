/// A template that cannot be loaded or rendered: which template, where in it, what is wrong and what to do.
///
/// Loading a library reports every broken template at once: the first problem is this error's own
/// fields, the others are in `otherErrors`, and `description` lists them all, one per line.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, so callers and tests can tell problems apart without reading messages.
    public enum Kind: Sendable, Equatable {
        /// `{{` without its closing `}}`.
        case unclosedTag
        /// `{{#name}}`, `{{^name}}`, `{{$name}}` or `{{<name}}` without its `{{/name}}`.
        case unclosedSection
        /// `{{/name}}` whose name is not the one of the innermost open section.
        case mismatchedClose
        /// `{{/name}}` with no open section at all.
        case unexpectedClose
        /// A `{{=<% %>=}}` tag that does not hold exactly two valid delimiters.
        case badDelimiters
        /// A tag with an empty name, or a name with spaces or empty dotted parts such as `a..b`.
        case invalidName
        /// `render` was asked for a template the library does not hold.
        case unknownTemplate
        /// Partials or parents nested too deeply: a template includes itself with no way to stop.
        case recursionTooDeep
    }

    public let kind: Kind
    /// The name the template is known by in its library.
    public let template: String
    /// The file the template was read from, when the library was given one.
    public let path: String?
    /// 1-based line of the problem in the template, or 0 when it is not about a place in the text.
    public let line: Int
    /// 1-based column (in characters) of the problem, or 0 when it is not about a place in the text.
    public let column: Int
    /// What is wrong and how to fix it, without the location.
    public let message: String
    /// Problems found in other templates (or later on) during the same load.
    public let otherErrors: [TemplateError]

    public init(
        kind: Kind, template: String, path: String? = nil, line: Int = 0, column: Int = 0, message: String,
        otherErrors: [TemplateError] = []
    ) {
        self.kind = kind
        self.template = template
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.otherErrors = otherErrors
    }

    /// This error and the others found with it, each on its own.
    public var allErrors: [TemplateError] {
        [TemplateError(kind: kind, template: template, path: path, line: line, column: column, message: message)]
            + otherErrors
    }

    /// `file:line:column: message` (or `template 'name': message`), one line per problem.
    public var description: String {
        allErrors.map(\.singleDescription).joined(separator: "\n")
    }

    private var singleDescription: String {
        let place = path ?? "template '\(template)'"
        return line > 0 ? "\(place):\(line):\(column): \(message)" : "\(place): \(message)"
    }

    /// Joins the problems of a whole load into one error, the first carrying the rest.
    static func combining(_ errors: [TemplateError]) -> TemplateError? {
        guard let first = errors.first else { return nil }
        return TemplateError(
            kind: first.kind, template: first.template, path: first.path, line: first.line, column: first.column,
            message: first.message, otherErrors: errors.dropFirst().flatMap(\.allErrors))
    }
}
