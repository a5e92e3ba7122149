import BriefingCore
import Foundation

/// Parses JSON Feed 1.0 and 1.1 (https://jsonfeed.org) into a `SourceDocument`.
public enum JSONFeedParser {
    public static func parse(_ bytes: [UInt8], file: String) throws(IngestError) -> SourceDocument {
        try SourceInput.checkSize(bytes.count, file: file)
        // Decoding repairs invalid UTF-8 (U+FFFD) instead of failing on it.
        let bytes = SourceEncoding.normalised(bytes)
        let text = bytes.withUnsafeBufferPointer { String(decoding: SourceInput.droppingUTF8BOM($0), as: UTF8.self) }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw IngestError(file: file, message: "the file is empty", fix: "download the feed again")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw malformed(error, in: text, file: file)
        }
        guard let feed = object as? [String: Any] else {
            throw IngestError(file: file, message: "expected a JSON Feed object, found a JSON \(kind(of: object))",
                              fix: "check that this file is a JSON Feed (https://jsonfeed.org)")
        }
        guard let version = feed["version"] as? String, version.contains("jsonfeed.org/version/") else {
            throw IngestError(file: file, message: "the JSON has no JSON Feed \"version\" (https://jsonfeed.org/version/1.1)",
                              fix: "check that this file is a JSON Feed, not another JSON document")
        }
        guard let items = feed["items"] as? [Any] else {
            throw IngestError(file: file, message: "the JSON Feed has no \"items\" array",
                              fix: "the feed is incomplete; download it again")
        }
        let feedURL = FeedLink.resolve(feed["feed_url"] as? String, against: nil)
        let home = FeedLink.resolve(feed["home_page_url"] as? String, against: feedURL)
        let feedAuthors = authors(in: feed)
        return SourceDocument(
            format: .jsonFeed,
            publisher: FeedText.title(feed["title"] as? String),
            link: home,
            items: items.compactMap { ($0 as? [String: Any]).map { item(from: $0, home: home ?? feedURL, feedAuthors: feedAuthors) } })
    }

    private static func item(from object: [String: Any], home: String?, feedAuthors: [String]) -> SourceItem {
        var item = SourceItem()
        item.guid = FeedText.trimmed(string(object["id"]))
        item.title = FeedText.title(object["title"] as? String)
        item.link = FeedLink.resolve(object["url"] as? String, against: home)
            ?? FeedLink.resolve(object["external_url"] as? String, against: home)
        item.published = (object["date_published"] as? String).flatMap(FeedDate.parse)
        item.updated = (object["date_modified"] as? String).flatMap(FeedDate.parse)
        if item.published == nil, item.updated == nil {
            item.unreadDate = (object["date_published"] as? String) ?? (object["date_modified"] as? String)
        }
        let ownAuthors = authors(in: object)
        item.authors = ownAuthors.isEmpty ? feedAuthors : ownAuthors
        item.categories = RSSReader.unique(((object["tags"] as? [Any]) ?? []).compactMap { FeedText.trimmed($0 as? String) })
        let content: FeedMarkup? = (object["content_html"] as? String).map(FeedMarkup.html)
            ?? (object["content_text"] as? String).map(FeedMarkup.plain)
        item.setText(summary: (object["summary"] as? String).map(FeedMarkup.plain), content: content,
                     baseURL: item.link ?? home)
        return item
    }

    /// 1.1's `authors` array, else 1.0's single `author`.
    private static func authors(in object: [String: Any]) -> [String] {
        let list = (object["authors"] as? [Any]) ?? (object["author"].map { [$0] } ?? [])
        return RSSReader.unique(list.compactMap { author in
            guard let author = author as? [String: Any] else { return nil }
            return FeedText.trimmed(author["name"] as? String) ?? FeedText.trimmed(author["url"] as? String)
        })
    }

    /// Ids are strings by the spec; numbers are common in practice.
    private static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let number = value as? NSNumber { return "\(number)" }
        return nil
    }

    private static func kind(of object: Any) -> String {
        switch object {
        case is [Any]: "array"
        case is String: "string"
        case is NSNumber: "number or boolean"
        default: "null"
        }
    }

    /// Foundation says where ("around character 513"); that becomes a line number.
    private static func malformed(_ error: any Error, in text: String, file: String) -> IngestError {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String)
            ?? "not valid JSON"
        var line: Int?
        if let range = detail.range(of: "character "),
           let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) {
            line = text.utf8.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        let at = line.map { " at line \($0)" } ?? ""
        return IngestError(file: file, line: line, message: "the JSON is malformed\(at): \(detail)",
                           fix: "fix the file or re-download it")
    }
}
