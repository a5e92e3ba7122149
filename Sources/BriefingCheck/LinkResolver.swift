import BriefingCore
import Foundation

/// What a link in a built page points at, worked out the way a browser would from the page's address.
enum LinkTarget: Equatable, Sendable {
    /// A file of the built site: `path` relative to the output folder (`topics/` or `briefs/x/index.html`),
    /// percent-decoded; `fragment` without its `#`.
    case site(path: String, fragment: String?)
    /// An http(s) address outside the site.
    case external(String)
    /// On the site's host but not under its base path, or above its root: it cannot be in the output.
    case outside(String)
    /// `mailto:`, `tel:`, `data:`… nothing the checker can or should resolve.
    case ignored
}

/// Resolves links against a page's place in the site and the site's base URL (`https://example.org/portal/`).
struct LinkResolver: Sendable {
    /// Lower-cased host, with its port when it is not the scheme's default.
    let host: String
    /// `/` or `/portal/`.
    let basePath: String

    init(baseURL: String) {
        host = LinkResolver.authority(of: URL(string: baseURL)) ?? ""
        var config = SiteConfig()
        config.baseURL = baseURL
        basePath = config.basePath
    }

    /// `link` as written in the page at `page` (a path relative to the output folder, such as `briefs/x/index.html`),
    /// with the page's `<base href>` when it has one.
    func resolve(_ link: String, on page: String, base: String? = nil) -> LinkTarget {
        let link = link.first?.isWhitespace == true || link.last?.isWhitespace == true
            ? link.trimmingCharacters(in: .whitespacesAndNewlines) : link
        if link.hasPrefix("//") { return resolve("https:" + link, on: page) }
        if LinkResolver.hasScheme(link) {
            guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                return .ignored
            }
            guard LinkResolver.authority(of: url) == host else { return .external(link) }
            let afterAuthority = link[(link.range(of: "://")?.upperBound ?? link.startIndex)...].drop { $0 != "/" && $0 != "?" && $0 != "#" }
            let (path, fragment) = LinkResolver.split(afterAuthority)
            return fromRoot(path.isEmpty ? "/" : path, fragment: fragment, link: link)
        }
        if let base, !base.isEmpty, !link.hasPrefix("#") {
            // Relative links follow the page's <base href>, itself resolved against the page.
            switch resolve(base, on: page) {
            case .site(let folder, _):
                let basePage = folder.hasSuffix("/") || folder.isEmpty ? folder + "index.html" : folder
                return resolve(link, on: basePage)
            case .external(let url):
                return URL(string: link, relativeTo: URL(string: url)).map { .external($0.absoluteString) } ?? .ignored
            case .outside, .ignored:
                break
            }
        }
        let (path, fragment) = LinkResolver.split(Substring(link))
        if path.isEmpty { return .site(path: page, fragment: fragment) }
        if path.hasPrefix("/") { return fromRoot(path, fragment: fragment, link: link) }
        var segments = LinkResolver.segments(of: Substring(page)).dropLast().map(String.init)
        return walk(path, from: &segments, fragment: fragment, link: link)
    }

    /// A path from the host's root: it must stay under the base path.
    private func fromRoot(_ path: String, fragment: String?, link: String) -> LinkTarget {
        let decodedPath = LinkResolver.decoded(Substring(path))
        guard (decodedPath + (decodedPath.hasSuffix("/") ? "" : "/")).hasPrefix(basePath) else {
            return .outside("`\(link)` is on the site's host but outside its base path \(basePath)")
        }
        var segments: [String] = []
        return walk(String(path.dropFirst(min(path.count, basePath.count))), from: &segments, fragment: fragment, link: link)
    }

    private func walk(_ path: String, from segments: inout [String], fragment: String?, link: String) -> LinkTarget {
        let parts = LinkResolver.segments(of: Substring(path))
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            let dots = part.utf8.allSatisfy { $0 == UInt8(ascii: ".") } ? part.utf8.count : 0
            if dots == 2 {
                guard !segments.isEmpty else { return .outside("`\(link)` goes above the site's root") }
                segments.removeLast()
                if isLast { segments.append("") }
            } else if dots == 1 {
                if isLast { segments.append("") }
            } else if part.isEmpty, !isLast {
                continue
            } else {
                segments.append(LinkResolver.decoded(part))
            }
        }
        return .site(path: segments.joined(separator: "/"), fragment: fragment)
    }

    /// `a/b/` → `a`, `b`, `` (byte-wise: a link is resolved hundreds of thousands of times on a large site).
    private static func segments(of path: Substring) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The path and the fragment of `reference`, its query dropped: the output is files, queries do not change them.
    private static func split(_ reference: Substring) -> (path: String, fragment: String?) {
        var rest = reference
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = decoded(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<question] }
        return (String(rest), fragment)
    }

    /// Percent-decoded, when there is anything to decode (Foundation's decoding is the slow part of resolving).
    private static func decoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return text.removingPercentEncoding ?? String(text)
    }

    private static func hasScheme(_ link: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        guard let first = link.utf8.first, isLetter(first) else { return false }
        for byte in link.utf8.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    private static func authority(of url: URL?) -> String? {
        guard let url, let host = url.host?.lowercased() else { return nil }
        let scheme = url.scheme?.lowercased()
        guard let port = url.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) else { return host }
        return "\(host):\(port)"
    }
}
