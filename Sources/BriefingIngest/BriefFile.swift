import BriefingCore

/// A draft written out as a brief file: YAML front matter plus Markdown, with a checksum line that lets a
/// later ingest tell whether an editor has changed the file since.
enum BriefFile {
    static let checksumPrefix = "# briefing-ingest "

    /// The file's text: the front matter as the brief schema writes it, then the body.
    static func text(of draft: BriefDraft) -> String { text(lines: draft.fields.frontMatterLines(), body: draft.body) }

    /// Front matter lines and a body as a file ingest wrote, checksum first; stories are written the same way.
    static func text(lines: [String], body: String) -> String {
        let yaml = lines.map { $0 + "\n" }.joined()
        let content = "---\n" + yaml + "---\n" + body.trimmingNewlines() + "\n"
        return "---\n" + checksumLine(for: content) + String(content.dropFirst(4))
    }

    /// Why the brief in `text` would not load, or nil when the loader reads it without a problem.
    static func loadProblem(in text: String) -> String? {
        do {
            var fields = try FrontMatter.parse(text, file: "brief").fields
            _ = Brief.Fields.read(&fields)
            return fields.problems.first?.message
        } catch {
            return error.message
        }
    }

    /// Whether `text` is exactly what ingest wrote: its checksum line matches the rest of the file.
    static func isUnedited(_ text: String) -> Bool {
        guard text.hasPrefix("---\n" + checksumPrefix), let end = text.dropFirst(4).firstIndex(of: "\n") else { return false }
        let line = String(text[text.index(text.startIndex, offsetBy: 4)...end])
        let rest = "---\n" + text[text.index(after: end)...]
        return line == checksumLine(for: rest)
    }

    private static func checksumLine(for content: String) -> String {
        checksumPrefix + StableHash.hex(of: content) + " — edit freely: ingest never overwrites a brief changed after it wrote it\n"
    }
}

extension String {
    func trimmingNewlines() -> String {
        var text = Substring(self)
        while text.first == "\n" { text = text.dropFirst() }
        while text.last == "\n" || text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
