import Foundation

/// The `Content-Type` a file from the output folder is served with.
enum ContentType {
    static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let atom = "application/atom+xml; charset=utf-8"

    static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "map": "application/json",
        "xml": "application/xml; charset=utf-8", "atom": atom, "rss": "application/rss+xml; charset=utf-8",
        "txt": plainText, "md": "text/markdown; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "webmanifest": "application/manifest+json",
    ]

    /// The type of a file, told from its extension; `start` (the file's first bytes) tells an Atom feed
    /// from other XML, because the site's feeds are all called `feed.xml`.
    static func of(fileName: String, start: some Collection<UInt8>) -> String {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        if ext == "xml", isAtomFeed(start) { return atom }
        return byExtension[ext] ?? "application/octet-stream"
    }

    /// Whether an XML document's root element is Atom's `<feed>`, looking only at its first kilobyte.
    static func isAtomFeed(_ start: some Collection<UInt8>) -> Bool {
        let head = String(decoding: start.prefix(1024), as: UTF8.self)
        return head.contains("<feed") && head.contains("http://www.w3.org/2005/Atom")
    }
}
