import BriefingCore
import Foundation

/// The feeds a web page announces with `<link rel="alternate" type="application/rss+xml" href="…">`, as
/// browsers and feed readers find them.
public enum FeedAutodiscovery {
    /// One announced feed.
    public struct Candidate: Sendable, Equatable {
        public var url: String
        public var title: String?
        public var type: String
    }

    static let feedTypes = ["application/atom+xml", "application/rss+xml", "application/feed+json", "application/rdf+xml", "application/json"]

    /// The page's feeds in the order it lists them, with relative addresses resolved against the page (or its `<base>`).
    public static func candidates(in html: String, pageURL: URL) -> [Candidate] {
        let tags = MarkupTag.all(in: html)
        let base = tags.first { $0.name == "base" }?.attributes["href"].flatMap { URL(string: $0, relativeTo: pageURL)?.absoluteURL } ?? pageURL
        var found: [Candidate] = []
        for tag in tags where tag.name == "link" {
            let rel = Set((tag.attributes["rel"] ?? "").lowercased().split(separator: " ").map(String.init))
            let type = (tag.attributes["type"] ?? "").lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard rel.contains("alternate"), feedTypes.contains(type), let href = tag.attributes["href"],
                  let url = URL(string: href.trimmingCharacters(in: .whitespaces), relativeTo: base)?.absoluteURL,
                  SiteConfig.isFetchableURL(url.absoluteString) else { continue }
            if found.contains(where: { $0.url == url.absoluteString }) { continue }
            found.append(Candidate(url: url.absoluteString, title: tag.attributes["title"], type: type))
        }
        return found
    }

    /// The one to follow: the first that is not a comments feed, else the first.
    public static func pick(_ candidates: [Candidate]) -> Candidate? {
        candidates.first { candidate in
            let words = ((candidate.title ?? "") + " " + candidate.url).lowercased()
            return !words.contains("comments")
        } ?? candidates.first
    }
}
