import BriefingCore

/// Reads a WordPress RSS feed whose XML tags were flattened away (shared/seeds/000_…txt).
///
/// The text keeps the element values in order: a channel header (title, link, description, lastBuildDate…),
/// then per item `title link pubDate guid description`, a "The post … appeared first on …" line and `]]>`,
/// then the post rendered as text and the same two closing lines again. Items are found by their link,
/// RFC 822 date and guid standing side by side. A file cut off inside its last item keeps the complete items
/// and drops the partial one (its text would be stored for good, since an ingested brief is never rewritten);
/// a file without a single complete item is an error.
public enum FlattenedFeedParser {
    public static func parse(_ text: String, file: String) throws(IngestError) -> SourceDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        var heads: [FlattenedItemHead] = []
        for (index, line) in lines.enumerated() where line.contains("://") {
            if let head = FlattenedItemHead.find(in: line, lineIndex: index) { heads.append(head) }
        }
        guard let firstHead = heads.first else {
            throw IngestError(
                file: file,
                message: "this is not a flattened feed: no item with a link, an RFC 822 date and a guid was found",
                fix: "check that the file is a flattened WordPress feed, or ingest the feed's XML instead")
        }
        // The channel header runs up to the first item's title, on the same line or the ones before it.
        let header = lines[..<firstHead.lineIndex].joined(separator: " ") + " "
            + lines[firstHead.lineIndex][..<firstHead.startInLine]
        let channel = FlattenedChannel(line: Substring(header))
        var items: [SourceItem] = []
        var closings: [Int] = []
        var postedOn: String?
        for (position, head) in heads.enumerated() {
            let isLast = position + 1 == heads.count
            let bodyEnd = isLast ? lines.count : heads[position + 1].lineIndex
            let body = lines[min(head.lineIndex + 1, bodyEnd)..<bodyEnd]
            let closingCount = body.filter { TextNormalisation.trimmed($0) == "]]>" }.count
            // The last item is complete only if it closes as many sections (description, content) as the others;
            // a fragment after its last `]]>` (the next item's cut-off header) is ignored.
            if isLast, closingCount < (closings.max() ?? expectedClosings(alone: body)) { break }
            closings.append(closingCount)
            var reader = FlattenedPostReader()
            reader.read(body)
            postedOn = postedOn ?? reader.postedOn
            items.append(item(head: head, post: reader))
        }
        guard !items.isEmpty else {
            throw IngestError(
                file: file, line: firstHead.lineIndex + 1,
                message: "the file ends inside its only item, before the post's closing `]]>`",
                fix: "the file looks truncated: fetch the feed again")
        }
        let publisher = channel.siteName(postedOn: postedOn)
        return SourceDocument(format: .flattenedFeed, publisher: publisher, link: channel.link, items: items)
    }

    /// For a feed's only item: text after the description's `]]>` is the post, which must be closed too.
    private static func expectedClosings(alone body: ArraySlice<Substring>) -> Int {
        guard let first = body.firstIndex(where: { TextNormalisation.trimmed($0) == "]]>" }) else { return 1 }
        return body[(first + 1)...].contains { !TextNormalisation.trimmed($0).isEmpty } ? 2 : 1
    }

    private static func item(head: FlattenedItemHead, post: FlattenedPostReader) -> SourceItem {
        var item = SourceItem()
        item.guid = head.guid
        item.title = head.title
        item.link = head.link
        item.published = head.published
        item.keyPoints = post.keyPoints
        item.paragraphs = post.paragraphs
        item.summary = summary(lead: post.paragraphs.first, description: head.description)
        item.line = head.lineIndex + 1
        return item
    }

    /// The lead paragraph's first sentence, and its second while the two stay short; else the description
    /// (WordPress's excerpt, which runs the bullets together) without its "[…]".
    static func summary(lead: String?, description: String) -> String? {
        let excerpt = TextNormalisation.trimmed(
            description.hasSuffix("[\u{2026}]") ? String(description.dropLast(3)) : description)
        let source = lead ?? String(excerpt)
        let sentences = SentenceSplitter.sentences(in: source)
        guard let first = sentences.first else { return excerpt.isEmpty ? nil : String(excerpt) }
        if sentences.count > 1, first.count + sentences[1].count < 300 { return first + " " + sentences[1] }
        return first
    }
}

/// The header of one item: the tokens `title link pubDate guid description` on one line.
struct FlattenedItemHead {
    var lineIndex: Int
    /// Where the item's title starts in its line (the channel header comes before it on the first line).
    var startInLine: Substring.Index
    var title: String
    var link: String
    var published: Timestamp
    var guid: String
    var description: String

    static func find(in line: Substring, lineIndex: Int) -> FlattenedItemHead? {
        let tokens = line.split(separator: " ")
        var index = 1
        while index + 6 < tokens.count {
            guard isURL(tokens[index]), let (published, dateLength) = WordPressDate.parse(tokens[(index + 1)...]),
                  index + 1 + dateLength < tokens.count, isURL(tokens[index + 1 + dateLength]) else {
                index += 1
                continue
            }
            let guidIndex = index + 1 + dateLength
            // The title runs back to the previous URL (or the line start); on the header line the channel
            // image's width and height ("32 32") sit between that URL and the title.
            var titleStart = index
            while titleStart > 0, !isURL(tokens[titleStart - 1]) { titleStart -= 1 }
            if titleStart > 0, index - titleStart > 2, Int(tokens[titleStart]) != nil, Int(tokens[titleStart + 1]) != nil {
                titleStart += 2
            }
            guard titleStart < index else {
                index += 1
                continue
            }
            // One item per line: the description runs to the end of it.
            return FlattenedItemHead(
                lineIndex: lineIndex, startInLine: tokens[titleStart].startIndex,
                title: tokens[titleStart..<index].joined(separator: " "), link: String(tokens[index]), published: published,
                guid: String(tokens[guidIndex]), description: tokens[(guidIndex + 1)...].joined(separator: " "))
        }
        return nil
    }

    static func isURL(_ token: Substring) -> Bool {
        token.hasPrefix("https://") || token.hasPrefix("http://")
    }
}

/// RFC 822 dates as WordPress writes them, split in tokens: `Tue, 09 Sep 2025 10:00:00 +0000` (weekday optional).
private enum WordPressDate {
    /// The moment and how many tokens it took, or nil when the tokens do not start with a date.
    static func parse(_ tokens: ArraySlice<Substring>) -> (Timestamp, Int)? {
        var index = tokens.startIndex
        guard index < tokens.endIndex else { return nil }
        if tokens[index].hasSuffix(","), tokens[index].dropLast().allSatisfy(\.isLetter) { index += 1 }
        guard index + 3 < tokens.endIndex, let day = Int(tokens[index]), tokens[index].count <= 2,
              let month = months[tokens[index + 1].lowercased()], tokens[index + 2].count == 4,
              let year = Int(tokens[index + 2]) else { return nil }
        let clock = tokens[index + 3].split(separator: ":")
        guard (2...3).contains(clock.count), let hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) : 0
        guard let second else { return nil }
        var end = index + 4
        var offset = 0
        if end < tokens.endIndex, let zone = zoneOffset(tokens[end]) {
            offset = zone
            end += 1
        }
        guard let timestamp = Timestamp(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset)
        else { return nil }
        return (timestamp, end - tokens.startIndex)
    }

    private static func zoneOffset(_ token: Substring) -> Int? {
        if ["GMT", "UT", "UTC", "Z"].contains(token) { return 0 }
        guard token.count == 5, let sign = token.first, sign == "+" || sign == "-",
              let hours = Int(token.dropFirst().prefix(2)), let minutes = Int(token.suffix(2)) else { return nil }
        return (sign == "+" ? 1 : -1) * (hours * 3_600 + minutes * 60)
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
        "dec": 12,
    ]
}
