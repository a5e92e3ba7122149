import BriefingBuild
import BriefingCore
import Foundation
import Synchronization
import Testing
@testable import BriefingCheck

/// Whole checks: content rules, the build into public/, and the links of what was built.
@Suite struct SiteCheckTests {
    @Test func theExampleSiteIsClean() throws {
        let report = try CheckSite.example().check()
        #expect(report.problems.map(\.description) == [])
        #expect(report.isClean)
        #expect(report.linksSkipped == nil)
        #expect(report.briefs > 20 && report.pages > 100 && report.internalLinks > 1_000)
        #expect(!report.externalLinks.isEmpty)
        #expect(report.summary.hasPrefix("check: no problems in "))
    }

    @Test func externalLinksAreFetchedOnlyWhenAsked() throws {
        let site = try CheckSite.clean([
            "content/briefs/2025/h20.md": CheckSite.brief(["sources": "\n  - url: https://www.reuters.com/h20\n"]),
        ])
        let quiet = RecordingFetcher()
        let listed = site.check(fetcher: quiet)
        #expect(quiet.requested == [])
        #expect(listed.isClean)
        #expect(listed.externalLinks.map(\.url) == ["https://www.reuters.com/h20"])
        #expect(listed.externalLinks.first?.file == "content/briefs/2025/h20.md")

        let fetcher = RecordingFetcher(answers: ["https://www.reuters.com/h20": .failed(404)])
        let fetched = site.check(external: true, fetcher: fetcher)
        #expect(fetcher.requested == ["https://www.reuters.com/h20"])
        #expect(fetched.problems.map(\.rule) == [.externalLink])
        #expect(fetched.problems.first.map { ($0.file, $0.line) } ?? ("", nil) == ("content/briefs/2025/h20.md", 8))
        #expect(fetched.problems.first?.message.contains("HTTP 404") == true)
    }

    @Test func contentErrorsStopBeforeTheBuild() throws {
        let site = try CheckSite.clean(["content/briefs/2025/h20.md": CheckSite.brief(["topics": "[robots]"])])
        let report = site.check()
        #expect(report.problems.map(\.rule) == [.unknownTopic])
        #expect(report.linksSkipped != nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func warningsStillBuildAndCheckLinks() throws {
        let site = try CheckSite.clean([
            "content/briefs/2025/h20.md": CheckSite.brief(["summary": "\"\""], body: "See [the other one](../h2o/)."),
        ])
        let report = site.check()
        #expect(report.problems.map(\.rule) == [.missingSummary, .brokenLink])
        #expect(report.problems.last.map { ($0.file, $0.line, $0.column) } ?? ("", nil, nil) == ("content/briefs/2025/h20.md", 8, 21))
        #expect(report.summary == "check: 1 error, 1 warning in 1 file")
    }

    @Test func aBrokenTemplateLinkIsReportedOnceInTheBuiltPage() throws {
        let site = try CheckSite.clean([
            "content/briefs/2025/h21.md": CheckSite.brief(["id": "h21"]),
            "templates/partials/site-footer.mustache": #"<footer><a href="{{root}}about/">About</a></footer>"#,
        ])
        let report = site.check()
        #expect(report.problems.count == 1)
        let problem = try #require(report.problems.first)
        #expect(problem.rule == .brokenLink)
        #expect(problem.file.hasPrefix("public/"))
        #expect(problem.message.contains("more pages"))
    }

    @Test func aTemplateThatDoesNotCompileIsABuildProblem() throws {
        let site = try CheckSite.clean(["templates/brief.mustache": "<main>\n{{#brief}}\n</main>\n"])
        let report = site.check()
        #expect(report.problems.map(\.rule) == [.build])
        #expect(report.problems.first?.file == "templates/brief.mustache")
        #expect(report.problems.first?.line == 2)
        #expect(report.linksSkipped == "the site did not build")
    }

    @Test func theBuildReportsItsProgress() throws {
        let site = try CheckSite.clean()
        let seen = Mutex<[Int]>([])
        _ = try SiteBuilder(siteDirectory: site.directory, jobs: 2).build(progress: { done, total in
            seen.withLock { $0.append(total - done) }
        })
        let remaining = seen.withLock { $0 }
        #expect(remaining.count > 5)
        #expect(remaining.min() == 0)
    }

    @Test func theJSONDocumentHasAStableShape() throws {
        let site = try CheckSite.clean([
            "content/briefs/2025/h20.md": CheckSite.brief(["sources": "\n  - url: https://www.reuters.com/h20\n"], body: "[x](../nope/)"),
            "content/companies/nvidia.md": "---\nname: Nvidia\n---\n",
        ])
        let json = site.check().json()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["version", "problems", "externalLinks", "summary"])
        #expect(document["version"] as? Int == 1)
        let problems = try #require(document["problems"] as? [[String: Any]])
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { Set($0.keys) == ["file", "line", "column", "severity", "rule", "message", "fix"] })
        #expect(problems.map { $0["rule"] as? String } == ["broken-link", "empty-body"])
        #expect(problems.map { $0["severity"] as? String } == ["error", "warning"])
        #expect(problems.last?["column"] is NSNull)
        let links = try #require(document["externalLinks"] as? [[String: Any]])
        #expect(links.first?["url"] as? String == "https://www.reuters.com/h20")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 1)
        #expect(summary["clean"] as? Bool == false)
        #expect(summary["linksSkipped"] is NSNull)
        #expect(json.contains("\"url\" : \"https://www.reuters.com/h20\""))
    }

    @Test func theOutputFolderIsNamedRelativeToTheSite() throws {
        let site = try CheckSite()
        #expect(SiteCheck(siteDirectory: site.directory).displayPrefix == "public/")
        #expect(SiteCheck(siteDirectory: site.directory, outputDirectory: URL(fileURLWithPath: "/srv/www")).displayPrefix == "/srv/www/")
    }
}

extension CheckProblem: CustomStringConvertible {
    public var description: String { "\(file):\(line ?? 0):\(column ?? 0): \(rule.rawValue): \(message)" }
}

/// The real fetcher, without the network: a closed local port answers at once.
@Suite struct URLSessionLinkFetcherTests {
    @Test func anUnreachableLinkSaysWhy() {
        let statuses = URLSessionLinkFetcher(timeout: 5, concurrency: 2).statuses(of: ["http://127.0.0.1:9/closed"], progress: nil)
        guard case .unreachable(let reason)? = statuses["http://127.0.0.1:9/closed"] else {
            Issue.record("expected the closed port to be unreachable, got \(String(describing: statuses))")
            return
        }
        #expect(!reason.isEmpty)
    }
}
