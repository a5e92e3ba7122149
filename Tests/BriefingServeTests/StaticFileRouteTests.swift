import FlyingFox
import Foundation
import Testing
@testable import BriefingServe

@Suite struct StaticFileRouteTests {
    static let extra = "<script>reload()</script>"

    let folder: ServedFolder
    let route: StaticFileRoute

    init() throws {
        folder = try ServedFolder()
        try folder.write("index.html", "<!doctype html><html><body><h1>Home</h1></BODY></html>")
        try folder.write("topics/index.html", "<!doctype html><body>Topics</body>")
        try folder.write("404.html", "<!doctype html><body><h1>Lost</h1></body>")
        try folder.write("assets/style.css", "body { color: black }")
        try folder.write("feed.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\n")
        try folder.write("notes.txt", "no body tag </body> here")
        try folder.link("alias.html", to: "index.html")
        try folder.link("leak.txt", to: "../secret.txt")
        try folder.link("absolute.txt", to: folder.base.appendingPathComponent("secret.txt").path)
        try folder.link("private", to: "../private")
        route = StaticFileRoute(root: folder.root)
    }

    func get(_ target: String, method: HTTPMethod = .GET) async throws -> (status: Int, headers: HTTPHeaders, body: String) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let request = HTTPRequest(
            method: method, version: .http11,
            target: HTTPRequest.Target(path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : ""),
            headers: [:], body: HTTPBodySequence())
        let response = route.response(to: request, pageExtra: Self.extra)
        return (response.statusCode.code, response.headers, String(decoding: try await response.bodyData, as: UTF8.self))
    }

    @Test func servesHTMLWithTheExtraBeforeTheClosingBodyTag() async throws {
        let home = try await get("/")
        #expect(home.status == 200)
        #expect(home.headers[.contentType] == "text/html; charset=utf-8")
        #expect(home.body == "<!doctype html><html><body><h1>Home</h1>\(Self.extra)</BODY></html>")
        #expect(try await get("/index.html").body == home.body)
        // The file on disk never changes.
        #expect(try String(contentsOf: folder.root.appendingPathComponent("index.html"), encoding: .utf8).contains("reload()") == false)
    }

    @Test func leavesEverythingButHTMLAlone() async throws {
        let css = try await get("/assets/style.css")
        #expect(css.status == 200 && css.body == "body { color: black }" && css.headers[.contentType] == "text/css; charset=utf-8")
        let text = try await get("/notes.txt")
        #expect(text.body == "no body tag </body> here")
        let feed = try await get("/feed.xml")
        #expect(feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
        #expect(!feed.body.contains("reload()"))
    }

    @Test func aFolderWithoutItsSlashIsRedirectedAndWithItServesItsIndex() async throws {
        let redirect = try await get("/topics")
        #expect(redirect.status == 301)
        #expect(redirect.headers[.location] == "/topics/")
        #expect(try await get("/topics?page=2").headers[.location] == "/topics/?page=2")
        let topics = try await get("/topics/")
        #expect(topics.status == 200 && topics.body.contains("Topics\(Self.extra)</body>"))
    }

    @Test func aMissingPageIsTheSite404WithStatus404() async throws {
        for target in ["/missing", "/missing/", "/index.html/", "/topics/nothing-here/", "/%252e%252e/secret.txt", "/.briefing/manifest"] {
            let missing = try await get(target)
            #expect(missing.status == 404, "\(target)")
            #expect(missing.body == "<!doctype html><body><h1>Lost</h1>\(Self.extra)</body>", "\(target)")
        }
    }

    @Test func without404HTMLAPlainPageStillCarriesTheExtra() async throws {
        try FileManager.default.removeItem(at: folder.root.appendingPathComponent("404.html"))
        let missing = try await get("/missing")
        #expect(missing.status == 404 && missing.body.contains("Not found") && missing.body.contains(Self.extra))
    }

    @Test func aLinkInsideTheFolderIsFollowed() async throws {
        #expect(try await get("/alias.html").status == 200)
    }

    @Test(arguments: ["/leak.txt", "/absolute.txt", "/private/secret.txt", "/private/"])
    func aLinkOutOfTheFolderIsRefused(target: String) async throws {
        let response = try await get(target)
        #expect(response.status == 403)
        #expect(!response.body.contains(ServedFolder.secret))
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/..%2Fprivate%2Fsecret.txt",
        "/topics/../../secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/secret.txt%00.html", "/%c0%ae%c0%ae/secret.txt",
    ])
    func traversalIsRefused(target: String) async throws {
        let response = try await get(target)
        #expect(response.status == 400)
        #expect(!response.body.contains(ServedFolder.secret))
    }

    @Test func headAnswersWithTheLengthButNoBody() async throws {
        let full = try await get("/")
        let head = try await get("/", method: .HEAD)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers[.contentLength] == String(full.body.utf8.count))
    }

    @Test func otherMethodsAreNotAllowed() async throws {
        let post = try await get("/", method: .POST)
        #expect(post.status == 405 && post.headers[HTTPHeader("Allow")] == "GET, HEAD")
    }

    @Test func theExtraGoesBeforeTheLastBodyTagInAnyCase() {
        let page = Data("<body><pre>&lt;/body&gt; </body></pre></Body>".utf8)
        #expect(String(decoding: StaticFileRoute.insert("X", into: page), as: UTF8.self) == "<body><pre>&lt;/body&gt; </body></pre>X</Body>")
        #expect(String(decoding: StaticFileRoute.insert("X", into: Data("<p>no body".utf8)), as: UTF8.self) == "<p>no bodyX")
        #expect(String(decoding: StaticFileRoute.insert("X", into: Data()), as: UTF8.self) == "X")
    }
}
