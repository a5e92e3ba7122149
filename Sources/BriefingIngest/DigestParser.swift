/// Reads a story-cluster digest (shared/seeds/003_…txt): each cluster becomes one item.
///
/// A cluster is a title line, a `13 articles • one-sentence description` line, paragraphs that end with a
/// citation such as `(reuters.com)`, then `Key Points` and `  • ` bullets. Clusters are found by their count
/// line, so a cluster without key points still parses; a file without any count line is not a digest.
public enum DigestParser {
    public static func parse(_ text: String, file: String) throws(IngestError) -> SourceDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        let starts = lines.indices.compactMap { index in countLine(lines[index]).map { (index, $0) } }
        guard !starts.isEmpty else {
            throw IngestError(
                file: file, message: "this is not a story-cluster digest: no line like `13 articles • …` was found",
                fix: "check that the file is a digest, or convert it to RSS, Atom or JSON Feed")
        }
        var items: [SourceItem] = []
        for (position, (countIndex, header)) in starts.enumerated() {
            guard let titleIndex = lines[..<countIndex].lastIndex(where: { !isBlank($0) }) else {
                throw IngestError(
                    file: file, line: countIndex + 1, message: "the cluster has no title line before its article count",
                    fix: "add the cluster's title on the line before `\(header.count) articles • …`")
            }
            // The next cluster's title line belongs to the next cluster.
            let end = position + 1 < starts.count
                ? lines[..<starts[position + 1].0].lastIndex(where: { !isBlank($0) }) ?? starts[position + 1].0
                : lines.count
            var item = SourceItem()
            item.title = String(TextNormalisation.trimmed(lines[titleIndex]))
            item.articleCount = header.count
            item.blurb = header.blurb
            item.line = titleIndex + 1
            readBody(lines[(countIndex + 1)..<max(countIndex + 1, end)], into: &item)
            items.append(item)
        }
        return SourceDocument(format: .digest, items: items)
    }

    /// Paragraphs until `Key Points`, bullets after it; a wrapped bullet line continues the bullet before it.
    private static func readBody(_ lines: ArraySlice<Substring>, into item: inout SourceItem) {
        var inKeyPoints = false
        for line in lines {
            let trimmed = TextNormalisation.trimmed(line)
            if trimmed.isEmpty { continue }
            if trimmed.lowercased() == "key points" {
                inKeyPoints = true
            } else if let bullet = bulletText(trimmed) {
                item.keyPoints.append(String(bullet))
            } else if inKeyPoints, let last = item.keyPoints.indices.last {
                item.keyPoints[last] += " " + trimmed
            } else {
                item.paragraphs.append(String(trimmed))
            }
        }
        for text in item.paragraphs + item.keyPoints {
            for domain in DomainCitation.domains(in: text) where !item.citations.contains(domain) {
                item.citations.append(domain)
            }
        }
    }

    /// "13 articles • Reports and reactions…" → (13, "Reports and reactions…").
    static func countLine(_ line: Substring) -> (count: Int, blurb: String)? {
        let trimmed = TextNormalisation.trimmed(line)
        guard let first = trimmed.first, first.isASCII, first.isNumber, let space = trimmed.firstIndex(of: " "),
              let count = Int(trimmed[..<space]) else { return nil }
        var rest = trimmed[trimmed.index(after: space)...]
        if rest.hasPrefix("articles") {
            rest = rest.dropFirst("articles".count)
        } else if rest.hasPrefix("article") {
            rest = rest.dropFirst("article".count)
        } else {
            return nil
        }
        let afterWord = TextNormalisation.trimmed(rest)
        guard afterWord.first == "\u{2022}" else { return nil }
        return (count, String(TextNormalisation.trimmed(afterWord.dropFirst())))
    }

    private static func bulletText(_ trimmed: Substring) -> Substring? {
        guard trimmed.first == "\u{2022}" else { return nil }
        return TextNormalisation.trimmed(trimmed.dropFirst())
    }

    private static func isBlank(_ line: Substring) -> Bool { TextNormalisation.trimmed(line).isEmpty }
}
