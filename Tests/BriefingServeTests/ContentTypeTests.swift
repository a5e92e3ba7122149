import Testing
@testable import BriefingServe

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("search.js", "text/javascript; charset=utf-8"),
        ("search-index.json", "application/json"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("images/logo.svg", "image/svg+xml"),
        ("images/photo.png", "image/png"),
        ("images/PHOTO.JPG", "image/jpeg"),
        ("images/photo.jpeg", "image/jpeg"),
        ("images/photo.webp", "image/webp"),
        ("favicon.ico", "image/x-icon"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("fonts/serif.woff2", "font/woff2"),
        ("archive.tar.gz", "application/octet-stream"),
        ("README", "application/octet-stream"),
        ("dir.d/.hidden", "application/octet-stream"),
    ])
    func isToldFromTheExtension(name: String, type: String) {
        #expect(ContentType.of(fileName: name, start: Array("<?xml version=\"1.0\"?>\n<urlset/>".utf8)) == type)
    }

    @Test func anAtomFeedIsToldFromItsRootElement() {
        let feed = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">".utf8)
        #expect(ContentType.of(fileName: "topics/ai-chips/feed.xml", start: feed) == "application/atom+xml; charset=utf-8")
        let sitemap = Array("<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">".utf8)
        #expect(ContentType.of(fileName: "sitemap.xml", start: sitemap) == "application/xml; charset=utf-8")
    }
}
