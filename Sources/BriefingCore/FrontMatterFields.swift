import Yams

/// Reads typed fields out of a YAML mapping, recording a located problem for each field that is wrong.
///
/// Readers collect problems instead of throwing so one pass reports every mistake in a file.
public struct FrontMatterFields {
    public let file: String
    /// The mapping's own line, for problems about a missing field.
    public let line: Int
    private let entries: [String: Node]
    private let lineOffset: Int
    public private(set) var problems: [ContentProblem] = []

    static func parse(yaml: String, file: String, firstLine: Int) throws(ContentProblem) -> FrontMatterFields {
        let node: Node?
        do {
            // Every value is read as text and typed by the field that uses it, so the regex-based tag
            // resolution of the default resolver (the bulk of parsing time) is not needed.
            node = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw ContentProblem(yamlError: error, file: file, lineOffset: firstLine - 1)
        } catch {
            throw ContentProblem(
                file: file, line: firstLine, message: "the front matter is not valid YAML: \(error)",
                fix: "check the indentation and quote text that contains ':' or starts with a special character")
        }
        guard let node else { return FrontMatterFields(file: file, line: firstLine, entries: [:], lineOffset: firstLine - 1) }
        guard case .mapping(let mapping) = node else {
            throw ContentProblem(
                file: file, line: firstLine, column: 1, message: "the front matter is not a set of `key: value` fields",
                fix: "write one `key: value` field per line between the '---' lines")
        }
        return FrontMatterFields(mapping: mapping, file: file, lineOffset: firstLine - 1, line: firstLine)
    }

    private init(file: String, line: Int, entries: [String: Node], lineOffset: Int) {
        self.file = file
        self.line = line
        self.entries = entries
        self.lineOffset = lineOffset
    }

    private init(mapping: Node.Mapping, file: String, lineOffset: Int, line: Int) {
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.string { entries[name] = value }
        }
        self.init(file: file, line: line, entries: entries, lineOffset: lineOffset)
    }

    /// The names of the fields present, sorted.
    public var fieldNames: [String] { entries.keys.sorted() }

    /// The file line of a field's value, or of the mapping when the field is absent.
    public func line(of key: String) -> Int {
        entries[key]?.mark.map { $0.line + lineOffset } ?? line
    }

    /// Records a problem located at `key`'s value.
    public mutating func report(_ key: String, _ message: String, fix: String? = nil) {
        let mark = entries[key]?.mark
        problems.append(
            ContentProblem(file: file, line: mark.map { $0.line + lineOffset } ?? line, column: mark?.column, message: message, fix: fix))
    }

    /// A text field; a missing required field is a problem.
    public mutating func string(_ key: String, required: Bool = false, fix: String? = nil) -> String? {
        guard let node = entries[key], !node.isYAMLNull else {
            if required { report(key, "the required field `\(key)` is missing", fix: fix ?? "add `\(key): …` to the front matter") }
            return nil
        }
        guard let scalar = node.scalar else {
            report(key, "`\(key)` must be text, not a list or mapping", fix: fix ?? "write it on one line: `\(key): \"…\"`")
            return nil
        }
        return scalar.string
    }

    /// A list of text values; a single value is accepted as a list of one.
    public mutating func strings(_ key: String) -> [String] {
        guard let node = entries[key] else { return [] }
        switch node {
        case .scalar(let scalar):
            return node.isYAMLNull ? [] : [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                if let text = item.scalar?.string {
                    values.append(text)
                } else {
                    report(key, "every item of `\(key)` must be text", fix: "write `\(key): [first, second]`")
                }
            }
            return values
        case .mapping, .alias:
            report(key, "`\(key)` must be a list", fix: "write `\(key): [first, second]`")
            return []
        }
    }

    /// A whole number within `range`.
    public mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(key, "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound), not `\(text)`",
                   fix: "write a number such as `\(key): \(min(max(range.lowerBound, 10), range.upperBound))`")
            return nil
        }
        return value
    }

    /// `true` or `false` (YAML's yes/no spellings too).
    public mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(key, "`\(key)` must be true or false, not `\(text)`", fix: "write `\(key): true` or `\(key): false`")
            return nil
        }
    }

    /// Reads a nested mapping with `read`, collecting the problems it finds.
    public mutating func section<Value>(_ key: String, _ read: (inout FrontMatterFields) -> Value) -> Value? {
        guard let node = entries[key], !node.isYAMLNull else { return nil }
        guard case .mapping(let mapping) = node else {
            report(key, "`\(key)` must be a set of `key: value` fields", fix: "indent its fields under `\(key):`, one `name: value` per line")
            return nil
        }
        var fields = FrontMatterFields(mapping: mapping, file: file, lineOffset: lineOffset, line: line(of: key))
        let value = read(&fields)
        problems += fields.problems
        return value
    }

    /// Reports every field not in `known`: a misspelt setting should not be silently ignored.
    public mutating func rejectUnknownKeys(_ known: Set<String>) {
        for key in entries.keys.sorted() where !known.contains(key) {
            let names = known.sorted()
            let fix = NameSuggestion.closest(to: key, among: names).map { "did you mean `\($0)`? Settings here are: " }
                ?? "use one of: "
            report(key, "unknown setting `\(key)`", fix: fix + names.joined(separator: ", "))
        }
    }

    /// Reads each mapping in a list field with `read`, collecting the problems it finds.
    public mutating func items<Item>(_ key: String, _ read: (inout FrontMatterFields) -> Item?) -> [Item] {
        guard let node = entries[key] else { return [] }
        guard case .sequence(let sequence) = node else {
            if node.scalar?.string.isEmpty == false || node.mapping != nil {
                report(key, "`\(key)` must be a list of entries, each starting with '- '",
                       fix: "write each entry on its own lines under `\(key):`, starting with '  - '")
            }
            return []
        }
        var result: [Item] = []
        for item in sequence {
            let itemLine = item.mark.map { $0.line + lineOffset } ?? line
            guard case .mapping(let mapping) = item else {
                problems.append(ContentProblem(
                    file: file, line: itemLine, message: "each entry of `\(key)` must be a set of `key: value` fields",
                    fix: "write the entry as `- name: value` with its other fields indented below it"))
                continue
            }
            var fields = FrontMatterFields(mapping: mapping, file: file, lineOffset: lineOffset, line: itemLine)
            if let value = read(&fields) { result.append(value) }
            problems += fields.problems
        }
        return result
    }
}

extension ContentProblem {
    init(yamlError: YamlError, file: String, lineOffset: Int) {
        let fix = "check the indentation and quote text that contains ':' or starts with a special character"
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            self.init(file: file, line: mark.line + lineOffset, column: mark.column,
                      message: "the front matter is not valid YAML: \(detail)", fix: fix)
        default:
            self.init(file: file, line: lineOffset + 1, message: "the front matter is not valid YAML: \(yamlError)", fix: fix)
        }
    }
}

extension Node {
    /// `key:`, `key: ~` and `key: null` all mean "no value"; quoted "null" is text.
    var isYAMLNull: Bool {
        guard let scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
