import Foundation
import Testing
@testable import BriefingCheck

/// The link checker over hand-written output folders served under https://example.org/portal/.
@Suite struct LinkCheckerTests {
    static let base = "https://example.org/portal/"

    /// A page whose `<body>` is `body`, on line 3 of the file.
    static func page(_ body: String) -> String {
        "<!DOCTYPE html>\n<html><head><title>x</title></head>\n<body>\(body)</body></html>\n"
    }

    func check(_ files: [String: String], sources: [String: String] = [:], site: CheckSite? = nil) throws -> LinkReport {
        let site = try site ?? CheckSite()
        for (path, text) in files { try site.write("public/" + path, text) }
        return LinkChecker(
            outputDirectory: site.output, baseURL: LinkCheckerTests.base, displayPrefix: "public/",
            siteDirectory: site.directory, sources: sources, jobs: 2
        ).check()
    }

    static let goodSite = [
        "index.html": page(#"<a href="briefs/a/">A</a> <a href="topics">Topics</a> <a href="https://example.org/portal/feed.xml">Feed</a>"#),
        "topics/index.html": page(#"<a href="../">Home</a>"#),
        "briefs/a/index.html": page(##"<a href="../../">Home</a><a href="../b/#sec">B</a><img src="../../assets/logo.svg" alt=""><a href="#top">Top</a>"##),
        "briefs/b/index.html": page(#"<h2 id="sec">Section</h2><a href="/portal/briefs/a/">A</a><a href="mailto:desk@example.org">Mail</a>"#),
        "assets/logo.svg": "<svg/>",
        "feed.xml": #"<feed><link rel="self" href="https://example.org/portal/feed.xml"/></feed>"#,
    ]

    @Test func goodLinksResolve() throws {
        let report = try check(LinkCheckerTests.goodSite)
        #expect(report.problems == [])
        #expect(report.pages == 5)
        #expect(report.internalLinks == 10)
        #expect(report.externalLinks == [])
    }

    @Test func aBrokenLinkIsReportedWhereItStands() throws {
        let report = try check(["index.html": LinkCheckerTests.page(#"<p>See <a href="briefs/c/">C</a></p>"#), "briefs/cc/index.html": ""])
        #expect(report.problems.count == 1)
        let problem = try #require(report.problems.first)
        #expect(problem.rule == .brokenLink)
        #expect(problem.file == "public/index.html")
        #expect(problem.line == 3)
        #expect(problem.column == 23)
        #expect(problem.message.contains("`briefs/c/`"))
        #expect(problem.fix?.hasPrefix("did you mean `briefs/cc/`?") == true)
    }

    @Test func aBrokenAnchorIsReported() throws {
        var files = LinkCheckerTests.goodSite
        files["briefs/a/index.html"] = LinkCheckerTests.page(#"<a href="../b/#se">B</a>"#)
        let report = try check(files)
        #expect(report.problems.map(\.rule) == [.brokenAnchor])
        #expect(report.problems.first?.file == "public/briefs/a/index.html")
        #expect(report.problems.first?.fix?.hasPrefix("did you mean `#sec`?") == true)
    }

    @Test func relativeLinksResolveFromNestedPages() throws {
        var files = LinkCheckerTests.goodSite
        files["topics/ai/page/2/index.html"] = LinkCheckerTests.page(#"<a href="../../../../briefs/b/#sec">B</a><a href="../../">Page 1</a><a href="./">Here</a>"#)
        files["topics/ai/index.html"] = LinkCheckerTests.page("")
        let report = try check(files)
        #expect(report.problems == [])
    }

    @Test func aFolderLinkNeedsItsIndexPage() throws {
        var files = LinkCheckerTests.goodSite
        files["index.html"] = LinkCheckerTests.page(#"<a href="topics">Topics</a> <a href="assets">Assets</a>"#)
        let report = try check(files)
        #expect(report.problems.map(\.rule) == [.brokenLink])
        #expect(report.problems.first?.message.contains("`assets`") == true)
    }

    @Test func linksOutsideTheBasePathAreBroken() throws {
        var files = LinkCheckerTests.goodSite
        files["index.html"] = LinkCheckerTests.page(#"<a href="/briefs/a/">A</a><a href="https://example.org/elsewhere/">B</a><a href="../../up/">C</a>"#)
        let report = try check(files)
        #expect(report.problems.map(\.rule) == [.brokenLink, .brokenLink, .brokenLink])
        #expect(report.problems.map { $0.message.contains("outside its base path /portal/") } == [true, true, false])
        #expect(report.problems.last?.message.contains("above the site's root") == true)
    }

    @Test func externalLinksAreListedWithCountsNotFetched() throws {
        var files = LinkCheckerTests.goodSite
        files["index.html"] = LinkCheckerTests.page(#"<a href="https://www.reuters.com/x">R</a><a href="//cdn.example.net/a.js">C</a>"#)
        files["topics/index.html"] = LinkCheckerTests.page(#"<a href="https://www.reuters.com/x">R</a>"#)
        let report = try check(files)
        #expect(report.problems == [])
        #expect(report.externalLinks.map(\.url) == ["https://cdn.example.net/a.js", "https://www.reuters.com/x"])
        #expect(report.externalLinks.map(\.occurrences) == [1, 2])
        #expect(report.externalLinks.last?.file == "public/index.html")
    }

    @Test func aTemplateMistakeIsOneProblemNotOnePerPage() throws {
        var files: [String: String] = [:]
        for name in ["a", "b", "c"] { files["briefs/\(name)/index.html"] = LinkCheckerTests.page(#"<a href="../../topcs/">Topics</a>"#) }
        let report = try check(files)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.file == "public/briefs/a/index.html")
        #expect(report.problems.first?.message.hasSuffix("(and on 2 more pages)") == true)
    }

    @Test func aBrokenLinkWrittenInABriefIsReportedInTheBrief() throws {
        let site = try CheckSite()
        try site.write("content/briefs/2025/a.md", "---\ntitle: A\ndate: 2025-01-01\n---\nFirst line.\nSee [b](../bb/) now.\n")
        let report = try check(
            ["briefs/a/index.html": LinkCheckerTests.page(#"<p>See <a href="../bb/">b</a> now.</p>"#)],
            sources: ["briefs/a/index.html": "content/briefs/2025/a.md"], site: site)
        let problem = try #require(report.problems.first)
        #expect(problem.file == "content/briefs/2025/a.md")
        #expect(problem.line == 6)
        #expect(problem.column == 9)
        #expect(problem.message.contains("(on public/briefs/a/index.html)"))
    }
}

/// The tokenizer behind the link checker.
@Suite struct HTMLScannerTests {
    func scan(_ html: String) -> ScannedPage { HTMLScanner.scan(Array(html.utf8)) }

    @Test func findsLinksWithTheirLineAndColumn() {
        let page = scan("<p>\n  <a class=x href='one'>1</a> <A HREF=two>2</A>\n<img srcset=\"s.png 1x, m.png 2x\" src=\"i.png\"></p>")
        #expect(page.links.map(\.url) == ["one", "two", "s.png", "m.png", "i.png"])
        #expect(page.links.map(\.line) == [2, 2, 3, 3, 3])
        #expect(page.links.map(\.column) == [20, 39, 14, 14, 39])
    }

    @Test func columnsCountCharactersNotBytes() {
        let page = scan("<p>Übersicht — <a href=\"x\">x</a>")
        #expect(page.links.first?.column == 25)
    }

    @Test func commentsScriptsAndCDATAHoldNoLinks() {
        let page = scan(#"<!-- <a href="c"> --><script>if (a<b) { x = '<a href="s">' }</script><![CDATA[<a href="d">]]><style>a[href="y"]{}</style><a href="real">"#)
        #expect(page.links.map(\.url) == ["real"])
    }

    @Test func valuesAreDecodedAsABrowserReadsThem() {
        let page = scan(#"<a href="?a=1&amp;b=2&#38;c=&#x33;">x</a><a href="&unknown;">y</a>"#)
        #expect(page.links.map(\.url) == ["?a=1&b=2&c=3", "&unknown;"])
    }

    @Test func anchorsAreIDsAndNamedLinks() {
        let page = scan(#"<h2 id="one">1</h2><a name="two"></a><meta name="three"><base href="/portal/">"#)
        #expect(page.anchors == ["one", "two"])
        #expect(page.base == "/portal/")
    }
}

/// Resolving links the way a browser does, from a page of a site served under /portal/.
@Suite struct LinkResolverTests {
    let resolver = LinkResolver(baseURL: "https://Example.org/portal/")

    @Test func relativeLinks() {
        let page = "briefs/a/index.html"
        #expect(resolver.resolve("../../topics/", on: page) == .site(path: "topics/", fragment: nil))
        #expect(resolver.resolve("../b/?utm=x#sec", on: page) == .site(path: "briefs/b/", fragment: "sec"))
        #expect(resolver.resolve("./", on: page) == .site(path: "briefs/a/", fragment: nil))
        #expect(resolver.resolve("..", on: page) == .site(path: "briefs/", fragment: nil))
        #expect(resolver.resolve("#key%20points", on: page) == .site(path: page, fragment: "key points"))
        #expect(resolver.resolve("caf%C3%A9.html", on: page) == .site(path: "briefs/a/café.html", fragment: nil))
        #expect(resolver.resolve("  ../b/ ", on: page) == .site(path: "briefs/b/", fragment: nil))
    }

    @Test func absoluteLinksOnTheSitesHostAreInternal() {
        #expect(resolver.resolve("https://example.org/portal/feed.xml", on: "index.html") == .site(path: "feed.xml", fragment: nil))
        #expect(resolver.resolve("http://EXAMPLE.org:80/portal", on: "index.html") == .site(path: "", fragment: nil))
        #expect(resolver.resolve("/portal/topics/#x", on: "404.html") == .site(path: "topics/", fragment: "x"))
        #expect(resolver.resolve("https://example.org:8443/portal/", on: "index.html") == .external("https://example.org:8443/portal/"))
        #expect(resolver.resolve("//cdn.example.net/x.js", on: "index.html") == .external("https://cdn.example.net/x.js"))
        #expect(resolver.resolve("mailto:desk@example.org", on: "index.html") == .ignored)
        #expect(resolver.resolve("javascript:void(0)", on: "index.html") == .ignored)
    }

    @Test func aBaseElementChangesWhereRelativeLinksStart() {
        #expect(resolver.resolve("topics/", on: "briefs/a/index.html", base: "/portal/") == .site(path: "topics/", fragment: nil))
        #expect(resolver.resolve("#here", on: "briefs/a/index.html", base: "/portal/") == .site(path: "briefs/a/index.html", fragment: "here"))
        #expect(resolver.resolve("x/", on: "index.html", base: "https://mirror.example.net/") == .external("https://mirror.example.net/x/"))
    }
}
