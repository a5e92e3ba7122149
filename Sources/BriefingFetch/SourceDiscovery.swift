import BriefingCore
import BriefingIngest
import Foundation

/// What `briefing sources add` does with an address: fetch it, and when it is a web page rather than a feed,
/// follow the feed the page announces; either way check that ingest can read the feed.
public struct SourceDiscovery: Sendable {
    public var options: FetchOptions

    public init(options: FetchOptions) {
        self.options = options
    }

    /// The feed to add.
    public struct Found: Sendable, Equatable {
        public var url: String
        /// The feed's own title, for the source's name.
        public var title: String?
        /// What was found on the way: the feeds a page offered, the one picked, a permanent redirect.
        public var notes: [String]
    }

    /// Why nothing can be added.
    public struct Failure: Error, Sendable {
        public var message: String
        public var fix: String
    }

    public func find(_ address: String) async throws(Failure) -> Found {
        let fetcher = Fetcher(options: options, sourceHosts: Set([URL(string: address)?.host?.lowercased()].compactMap { $0 }))
        let result: Result<Found, Failure>
        do {
            result = .success(try await find(address, with: fetcher))
        } catch {
            result = .failure(error)
        }
        await fetcher.shutdown()
        return try result.get()
    }

    private func find(_ address: String, with fetcher: Fetcher) async throws(Failure) -> Found {
        var notes: [String] = []
        let page = await fetcher.fetch(address, now: .now())
        let (body, contentType) = try fetched(page, address)
        var url = page.movedTo ?? address
        if let moved = page.movedTo { notes.append("\(address) redirects permanently to \(moved); adding that address") }
        guard FeedCharset.isWebPage(body) else {
            return Found(url: url, title: try title(of: body, contentType: contentType, url: url), notes: notes)
        }
        guard let pageURL = URL(string: page.requested.last ?? address) else {
            throw Failure(message: "`\(address)` is not a URL", fix: "write the page's full address")
        }
        let candidates = FeedAutodiscovery.candidates(in: String(decoding: body, as: UTF8.self), pageURL: pageURL)
        guard let picked = FeedAutodiscovery.pick(candidates) else {
            throw Failure(
                message: "this is a web page that announces no feed (no <link rel=\"alternate\"> of a feed type)",
                fix: "find the feed's address on the site (often /feed/, /rss.xml or /atom.xml) and add that")
        }
        notes.append("\(address) is a web page; it announces \(candidates.count) \(candidates.count == 1 ? "feed" : "feeds"):")
        for candidate in candidates {
            notes.append("  \(candidate.url == picked.url ? "*" : " ") \(candidate.url) (\(candidate.type)\(candidate.title.map { ", “\($0)”" } ?? ""))")
        }
        notes.append("picked \(picked.url)")
        do {
            _ = try RedirectPolicy(trustedHosts: Set(options.allowHosts)).check(picked.url, from: pageURL, visited: [])
        } catch {
            throw Failure(message: "the page's feed: \(error)", fix: "add the feed's address yourself if you trust it")
        }
        let feed = await fetcher.fetch(picked.url, now: .now())
        let (feedBody, feedType) = try fetched(feed, picked.url)
        url = feed.movedTo ?? picked.url
        guard !FeedCharset.isWebPage(feedBody) else {
            throw Failure(message: "the feed the page announces (\(picked.url)) is a web page too", fix: "add the feed's address yourself")
        }
        return Found(url: url, title: try title(of: feedBody, contentType: feedType, url: picked.url) ?? picked.title, notes: notes)
    }

    private func fetched(_ result: FetchResult, _ url: String) throws(Failure) -> (body: [UInt8], contentType: String?) {
        switch result.outcome {
        case .fetched(let body, let contentType, _, _):
            return (body, contentType)
        case .failed(let failure, _):
            throw Failure(message: "cannot fetch \(url): \(failure)", fix: "check the address in a browser, then try again")
        case .gone:
            throw Failure(message: "\(url) answers 410 Gone", fix: "the feed was removed; look for its new address on the site")
        case .notModified:
            throw Failure(message: "\(url) answered 304 Not Modified to an unconditional request", fix: "try again later")
        }
    }

    private func title(of body: [UInt8], contentType: String?, url: String) throws(Failure) -> String? {
        do {
            return try SourceReader.parse(FeedCharset.normalised(body, contentType: contentType), file: url).publisher
        } catch {
            throw Failure(message: "\(url) is not a feed ingest can read: \(error.message)", fix: "check that the address is the feed's")
        }
    }
}
