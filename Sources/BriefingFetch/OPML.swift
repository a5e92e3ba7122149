import BriefingCore
import Foundation

/// OPML 2.0 subscription lists, the file every feed reader imports and exports.
public enum OPML {
    /// One feed of a subscription list.
    public struct Outline: Sendable, Equatable {
        public var url: String
        public var title: String?
        /// From a `category` of `/topics/<slug>` or `/companies/<slug>` (what `export` writes).
        public var topics: [Slug] = []
        public var companies: [Slug] = []
    }

    /// A file that is not OPML.
    public struct NotOPML: Error, Sendable {
        public var message: String
    }

    /// Every outline with an `xmlUrl`, folders flattened, in document order.
    public static func outlines(in text: String) throws(NotOPML) -> [Outline] {
        let tags = MarkupTag.all(in: text)
        guard tags.contains(where: { $0.name == "opml" }) else {
            throw NotOPML(message: "there is no <opml> element: this is not an OPML subscription list")
        }
        return tags.compactMap { tag in
            guard tag.name == "outline", let url = tag.attributes["xmlurl"]?.trimmingCharacters(in: .whitespaces), !url.isEmpty else { return nil }
            let title = (tag.attributes["title"] ?? tag.attributes["text"]).flatMap { $0.isEmpty ? nil : $0 }
            var outline = Outline(url: url, title: title)
            for category in (tag.attributes["category"] ?? "").split(separator: ",") {
                let parts = category.trimmingCharacters(in: .whitespaces).split(separator: "/").map(String.init)
                guard parts.count == 2, let slug = Slug(validating: parts[1]) else { continue }
                if parts[0] == "topics" { outline.topics.append(slug) }
                if parts[0] == "companies" { outline.companies.append(slug) }
            }
            return outline
        }
    }

    /// An OPML 2.0 document listing `sources`; each source's topics and companies go in its `category`.
    public static func document(title: String, sources: [FeedSource]) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<opml version=\"2.0\">",
            "  <head>",
            "    <title>\(escape(title))</title>",
            "  </head>",
            "  <body>",
        ]
        for source in sources {
            var attributes = "type=\"rss\" text=\"\(escape(source.label))\""
            if let name = source.name { attributes += " title=\"\(escape(name))\"" }
            attributes += " xmlUrl=\"\(escape(source.url))\""
            let categories = source.topics.map { "/topics/\($0)" } + source.companies.map { "/companies/\($0)" }
            if !categories.isEmpty { attributes += " category=\"\(categories.joined(separator: ","))\"" }
            lines.append("    <outline \(attributes)/>")
        }
        lines += ["  </body>", "</opml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
