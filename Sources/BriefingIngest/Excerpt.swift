import Foundation

/// Short excerpts of a story: enough to say what it is, never a copy of the whole article.
enum Excerpt {
    /// Whole paragraphs of plain text up to about `limit` characters; a long first paragraph is cut at a word.
    static func of(paragraphs: [String], limit: Int) -> String {
        var chosen: [String] = []
        var length = 0
        for paragraph in paragraphs where !paragraph.isEmpty {
            if length + paragraph.count > limit {
                if chosen.isEmpty { chosen.append(cut(paragraph, at: limit)) }
                break
            }
            chosen.append(paragraph)
            length += paragraph.count
        }
        return chosen.joined(separator: "\n\n")
    }

    /// Whole Markdown blocks up to about `limit` characters (already-safe Markdown from the HTML converter).
    static func of(markdown: String, limit: Int) -> String {
        let blocks = markdown.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        var chosen: [String] = []
        var length = 0
        for block in blocks {
            if length + block.count > limit && !chosen.isEmpty { break }
            chosen.append(length + block.count > limit ? cut(block, at: limit) : block)
            length += block.count
        }
        return chosen.joined(separator: "\n\n")
    }

    private static func cut(_ text: String, at limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let end = prefix.lastIndex(of: " ") ?? prefix.endIndex
        return String(prefix[..<end]) + " …"
    }
}
