import BriefingCore

/// A draft written out as a brief file: YAML front matter plus Markdown, with a checksum line that lets a
/// later ingest tell whether an editor has changed the file since.
enum BriefFile {
    static let checksumPrefix = "# briefing-ingest "

    /// The file's text. Strings are always double-quoted, so no title or summary can change the YAML's shape.
    static func text(of draft: BriefDraft) -> String {
        var yaml = "id: \(quoted(draft.id))\n"
        yaml += "title: \(quoted(draft.title))\n"
        yaml += "date: \(draft.date)\n"
        yaml += "summary: \(quoted(draft.summary))\n"
        yaml += "topics: [\(draft.topics.map(\.rawValue).joined(separator: ", "))]\n"
        yaml += "companies: [\(draft.companies.map(\.rawValue).joined(separator: ", "))]\n"
        if !draft.sources.isEmpty {
            yaml += "sources:\n"
            for source in draft.sources {
                yaml += "  - url: \(quoted(source.url))\n"
                if let publisher = source.publisher { yaml += "    publisher: \(quoted(publisher))\n" }
            }
        }
        if !draft.events.isEmpty {
            yaml += "events:\n"
            for event in draft.events {
                yaml += "  - date: \(quoted(event.date.description))\n    text: \(quoted(event.text))\n"
                if !event.companies.isEmpty { yaml += "    companies: [\(event.companies.map(\.rawValue).joined(separator: ", "))]\n" }
            }
        }
        let content = "---\n" + yaml + "---\n" + draft.body.trimmingNewlines() + "\n"
        return "---\n" + checksumLine(for: content) + String(content.dropFirst(4))
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

    static func quoted(_ text: String) -> String { YAMLText.quoted(text) }
}

extension String {
    func trimmingNewlines() -> String {
        var text = Substring(self)
        while text.first == "\n" { text = text.dropFirst() }
        while text.last == "\n" || text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
