import Foundation

/// The channel header of a flattened feed: `title link description lastBuildDate language …`.
struct FlattenedChannel {
    var title: String
    var link: String?

    init(line: Substring) {
        let tokens = line.split(separator: " ")
        let linkIndex = tokens.firstIndex(where: FlattenedItemHead.isURL)
        title = tokens[..<(linkIndex ?? tokens.endIndex)].joined(separator: " ")
        link = linkIndex.map { String(tokens[$0]) }
    }

    /// The site's name: the part of a "Section | Site | Tagline" title that matches the "appeared first on"
    /// name or the link's host when spaces and case are ignored ("TechWire Asia", techwireasia.com → "Tech Wire Asia").
    func siteName(postedOn: String?) -> String? {
        let parts = title.split(separator: "|").map { String(TextNormalisation.trimmed($0)) }.filter { !$0.isEmpty }
        var keys: [String] = []
        if let postedOn { keys.append(FlattenedChannel.compact(postedOn)) }
        if let host = host { keys.append(host) }
        for key in keys where !key.isEmpty {
            if let part = parts.first(where: { FlattenedChannel.compact($0) == key }) { return part }
        }
        if let postedOn, !postedOn.isEmpty { return postedOn }
        return parts.count >= 3 ? parts[1] : parts.first
    }

    /// "https://www.techwireasia.com/…" → "techwireasia".
    private var host: String? {
        guard let link, let schemeEnd = link.range(of: "://") else { return nil }
        var host = link[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        let labels = host.split(separator: ".")
        return labels.count >= 2 ? FlattenedChannel.compact(labels.dropLast().joined()) : nil
    }

    private static func compact(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter(TextNormalisation.isWordScalar).map(Character.init))
    }
}

/// Reads the lines after an item's header: the description's closing, then the post's text.
struct FlattenedPostReader {
    var keyPoints: [String] = []
    var paragraphs: [String] = []
    /// X in "The post … appeared first on X.": the site's name as the feed spells it.
    var postedOn: String?

    mutating func read(_ lines: ArraySlice<Substring>) {
        var inContent = false
        var bullets: [String] = []
        for line in lines {
            let text = TextNormalisation.trimmed(line)
            if text.isEmpty { continue }
            if let site = FlattenedPostReader.postedOnName(text) {
                postedOn = postedOn ?? site
                if inContent { break }
                continue
            }
            if text == "]]>" {
                if inContent { break }
                inContent = true
                continue
            }
            guard inContent else { continue }
            if text.first == "\u{2022}", paragraphs.isEmpty {
                bullets.append(String(TextNormalisation.trimmed(text.dropFirst())))
            } else if text.first == "\u{2022}" {
                // A list inside the post: its items read as short paragraphs.
                paragraphs.append(String(TextNormalisation.trimmed(text.dropFirst())))
            } else if !FlattenedItemHead.isURL(text) || text.contains(" ") {
                // A bare URL on its own line is an embed (a post on X), not prose.
                paragraphs.append(String(text))
            }
        }
        // The flattening marks the paragraph after a list with the list's bullet, so the leading run's last line
        // is the lead paragraph when it is the longest of the run (highlights are short) or the run's only line.
        if let last = bullets.last, bullets.dropLast().allSatisfy({ $0.count < last.count }) {
            paragraphs.insert(last, at: 0)
            bullets.removeLast()
        }
        keyPoints = bullets
    }

    /// "The post Title appeared first on TechWire Asia." → "TechWire Asia".
    static func postedOnName(_ text: Substring) -> String? {
        guard text.hasPrefix("The post "), let marker = text.range(of: " appeared first on ", options: .backwards) else {
            return nil
        }
        var name = text[marker.upperBound...]
        if name.last == "." { name = name.dropLast() }
        let trimmed = TextNormalisation.trimmed(name)
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
