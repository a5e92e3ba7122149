import Foundation
import Testing

/// `briefing serve` as an editor uses it: pages over HTTP, an edit rebuilt and announced, a broken
/// brief shown in the browser and then fixed, and requests for files outside the site refused.
@Suite struct ServeEndToEndTests {
    /// Long enough for a loaded two-core machine; a change normally shows in well under a second.
    static let patience: Duration = .seconds(5)

    static func brief(title: String, date: String = "2025-09-09T10:00:00Z") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\ntopics: [ai-chips]\ncompanies: [nvidia]\n---\nBody **text**.\n"
    }

    let site: URL

    init() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-serve-e2e-\(UUID().uuidString)")
        let files = [
            "briefing.yml": "title: Serve Desk\nbaseURL: https://example.org/portal/\n",
            "content/topics/ai-chips.md": "---\nname: AI chips\n---\nIntro.\n",
            "content/companies/nvidia.md": "---\nname: Nvidia\n---\nProfile.\n",
            "content/briefs/2025/chips.md": Self.brief(title: "Chips & policy"),
            "content/briefs/2025/other.md": Self.brief(title: "Another brief", date: "2025-08-01"),
            "static/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "secret.txt": "a file of the site folder, outside public/",
        ]
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func servesRebuildsReloadsShowsErrorsAndRecovers() throws {
        let binary = try #require(ServeProcess.executable, "the briefing executable must be built before the tests run")
        let server = try ServeProcess(binary: binary, site: site)
        let http = LoopbackHTTP(port: server.port)

        let home = try http.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("Serve Desk"))
        #expect(home.body.contains("/__briefing/events"))
        let onDisk = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(onDisk.contains("Serve Desk") && !onDisk.contains("__briefing"), "the script must never be written to public/")
        // Built for the address it is served at, not briefing.yml's baseURL.
        #expect(home.body.contains("http://127.0.0.1:\(server.port)/"))

        let brief = try http.get("/briefs/chips/")
        #expect(brief.status == 200 && brief.body.contains("Chips &amp; policy"))
        #expect(try http.get("/briefs/chips").headers["location"] == "/briefs/chips/")
        #expect(try http.get("/images/logo.svg").headers["content-type"] == "image/svg+xml")
        #expect(try http.get("/feed.xml").headers["content-type"] == "application/atom+xml; charset=utf-8")
        let missing = try http.get("/briefs/no-such-brief/")
        #expect(missing.status == 404 && missing.body.contains("/__briefing/events"))

        let events = try LoopbackHTTP.EventStream(port: server.port, path: "/__briefing/events")
        let served = try events.next("hello", within: Self.patience)
        #expect(home.body.contains("const served = \"\(served)\""))

        // An edit: a reload event, then the page with the new title.
        try write("content/briefs/2025/chips.md", Self.brief(title: "Chips & new rules"))
        let edited = try events.next("reload", within: Self.patience)
        #expect(edited != served)
        let rebuilt = try http.get("/briefs/chips/")
        #expect(rebuilt.body.contains("Chips &amp; new rules") && !rebuilt.body.contains("Chips &amp; policy"))
        #expect(rebuilt.body.contains("const served = \"\(edited)\""))

        // A broken brief: the browser is told, the last good page carries the error, the terminal prints it.
        try write("content/briefs/2025/chips.md", Self.brief(title: "Chips & new rules", date: "soon<ish>"))
        _ = try events.next("failed", within: Self.patience)
        let broken = try http.get("/briefs/chips/")
        #expect(broken.status == 200 && broken.body.contains("Chips &amp; new rules"))
        #expect(broken.body.contains("id=\"briefing-build-error\""))
        #expect(broken.body.contains("content/briefs/2025/chips.md:3:7: `soon&lt;ish&gt;` is not a date"))
        #expect(try server.waitForError(containing: "soon<ish>", within: Self.patience).contains("content/briefs/2025/chips.md:3:7"))
        let stillOnDisk = try String(contentsOf: site.appendingPathComponent("public/briefs/chips/index.html"), encoding: .utf8)
        #expect(!stillOnDisk.contains("briefing-build-error"))

        // The fix: reload, and the overlay is gone.
        try write("content/briefs/2025/chips.md", Self.brief(title: "Chips & fixed rules"))
        _ = try events.next("reload", within: Self.patience)
        let fixed = try http.get("/briefs/chips/")
        #expect(fixed.body.contains("Chips &amp; fixed rules") && !fixed.body.contains("briefing-build-error"))
    }

    @Test func refusesPathsOutOfThePublicFolder() throws {
        let binary = try #require(ServeProcess.executable, "the briefing executable must be built before the tests run")
        let server = try ServeProcess(binary: binary, site: site)
        let http = LoopbackHTTP(port: server.port)
        for target in [
            "/../secret.txt", "/../briefing.yml", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
            "/briefs/../../secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/secret.txt%00.html", "/%2e%2e%2f.briefing/manifest",
        ] {
            let response = try http.get(target)
            #expect(response.status == 400, "\(target) answered \(response.status)")
            #expect(!response.body.contains("outside public/") && !response.body.contains("Serve Desk"), "\(target)")
        }
        #expect(try http.get("/.briefing/manifest").status == 404)
        // A page on another site that points its own name at 127.0.0.1 does not get the preview.
        let rebound = try http.get("/", host: "attacker.example:\(server.port)")
        #expect(rebound.status == 403 && !rebound.body.contains("Serve Desk"))
        #expect(try http.get("/", host: "localhost:\(server.port)").status == 200)
        #expect(try http.get("/").status == 200, "the server still answers after refusing")
    }
}
