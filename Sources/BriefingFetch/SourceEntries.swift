import BriefingCore

/// Adds entries to the `sources:` list of `briefing.yml` as text, so the editor's comments and layout stay.
public enum SourceEntries {
    /// The YAML of one entry, indented as a list item under `sources:`.
    public static func yaml(_ source: FeedSource, indent: String = "  ") -> String {
        var lines = ["\(indent)- url: \(plainOrQuoted(source.url))"]
        let inner = indent + "  "
        if let name = source.name { lines.append("\(inner)name: \(plainOrQuoted(name))") }
        if !source.topics.isEmpty { lines.append("\(inner)topics: [\(source.topics.map(\.rawValue).joined(separator: ", "))]") }
        if !source.companies.isEmpty { lines.append("\(inner)companies: [\(source.companies.map(\.rawValue).joined(separator: ", "))]") }
        if source.every != 3600 { lines.append("\(inner)every: \(SiteConfig.describeDuration(source.every))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` with `sources` added at the end of its `sources:` list (which is created when missing).
    public static func adding(_ sources: [FeedSource], to text: String) -> String {
        guard !sources.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.firstIndex(where: { isSourcesKey($0) }) else {
            let block = "sources:\n" + sources.map { yaml($0) }.joined()
            let body = lines.joined(separator: "\n")
            return (body.isEmpty ? "" : body + "\n") + block
        }
        if lines[header].replacingOccurrences(of: " ", with: "").hasPrefix("sources:[]") { lines[header] = "sources:" }
        var last = header
        var detected: String?
        var index = header + 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.isEmpty || line.hasPrefix(" ") || line.hasPrefix("-") || line.hasPrefix("#") else { break }
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                last = index
                if detected == nil, trimmed.hasPrefix("-") { detected = String(line.prefix { $0 == " " }) }
            }
            index += 1
        }
        let entries = sources.map { yaml($0, indent: detected ?? "  ") }.joined().split(separator: "\n").map(String.init)
        lines.insert(contentsOf: entries, at: last + 1)
        return lines.joined(separator: "\n") + "\n"
    }

    static func isSourcesKey(_ line: String) -> Bool {
        guard line.hasPrefix("sources:") else { return false }
        let rest = line.dropFirst("sources:".count).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty || rest.hasPrefix("#") || rest.replacingOccurrences(of: " ", with: "") == "[]"
    }

    /// URLs and names go in as they are when YAML reads them back unchanged, quoted otherwise.
    static func plainOrQuoted(_ text: String) -> String {
        let special = text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
            || text.first.map { "!&*[]{}|>'\"%@`#,?-".contains($0) || $0 == " " } == true || text.hasSuffix(" ")
        return special ? YAMLText.quoted(text) : text
    }
}
