import BriefingBuild
import BriefingCore
import Foundation
import Synchronization

/// Checks every link of a built site folder: internal links must reach a file and their `#fragment` an anchor on
/// it; external links are collected, to be listed or fetched.
public struct LinkChecker: Sendable {
    public var outputDirectory: URL
    /// The site's base URL: absolute links under it, and root-relative links under its path, are internal.
    public var baseURL: String
    /// How the output folder is named in reports (`public/`); its path relative to the site where it lies inside it.
    public var displayPrefix: String
    /// The site folder and, for each built page whose text comes from a content file, that file (relative to the
    /// site folder): a problem found in the file's own text is reported at its place there.
    public var siteDirectory: URL?
    public var sources: [String: String]
    public var jobs: Int

    public init(
        outputDirectory: URL, baseURL: String, displayPrefix: String? = nil, siteDirectory: URL? = nil,
        sources: [String: String] = [:], jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.baseURL = baseURL
        self.displayPrefix = displayPrefix ?? self.outputDirectory.path + "/"
        self.siteDirectory = siteDirectory
        self.sources = sources
        self.jobs = max(1, jobs)
    }

    /// Scans every HTML page and feed (in parallel; `progress` is told pages scanned of pages in all) and resolves
    /// every link in them.
    public func check(progress: (@Sendable (Int, Int) -> Void)? = nil) -> LinkReport {
        let root = outputDirectory.path
        let listing = OutputListing(files: FolderWalk.files(under: root))
        let pages = listing.files.filter(LinkChecker.isScanned).sorted()
        let done = Atomic<Int>(0)
        let scanned: [ScannedPage] = pages.parallelMap(jobs: jobs) { path in
            defer { if let progress { progress(done.add(1, ordering: .relaxed).newValue, pages.count) } }
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return ScannedPage() }
            return HTMLScanner.scan(Array(data))
        }
        let site = ScannedSite(
            listing: listing, pages: Dictionary(uniqueKeysWithValues: zip(pages, scanned)), resolver: LinkResolver(baseURL: baseURL))
        let findings = Array(zip(pages, scanned)).parallelMap(jobs: jobs) { path, page in
            findingsOnPage(path, page, in: site)
        }

        var report = LinkReport(pages: pages.count)
        var external: [String: ExternalLink] = [:]
        // A broken link in a brief's text is on one page, but a template's is on every page that uses the
        // template: one problem each, at its first page, saying how many more have it.
        var groups: [String: (index: Int, pages: Int)] = [:]
        for pageFindings in findings {
            report.internalLinks += pageFindings.internalLinks
            for pending in pageFindings.problems {
                if let group = groups[pending.group] {
                    groups[pending.group] = (group.index, group.pages + 1)
                    continue
                }
                var problem = pending.problem
                if let target = pending.missingTarget {
                    let suggestion = listing.closest(to: target).map { "did you mean `\($0)`? Otherwise " } ?? ""
                    problem.fix = suggestion + (problem.fix ?? "")
                }
                groups[pending.group] = (report.problems.count, 1)
                report.problems.append(problem)
            }
            for link in pageFindings.external {
                guard var known = external[link.url] else {
                    external[link.url] = link
                    continue
                }
                // Where it was written (a content file) says more than the first page it is on.
                if !known.inContent, link.inContent { (known.file, known.line, known.column, known.inContent) = (link.file, link.line, link.column, true) }
                known.occurrences += 1
                external[link.url] = known
            }
        }
        for (index, pages) in groups.values where pages > 1 {
            report.problems[index].message += " (and on \(pages - 1) more \(pages == 2 ? "page" : "pages"))"
        }
        report.externalLinks = external.values.sorted { $0.url < $1.url }
        return report
    }

    /// Pages whose links are checked: HTML, and XML (feeds link to the site with `href`).
    static func isScanned(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".htm") || path.hasSuffix(".xml")
    }

    /// A problem on one page, with what makes it the same problem on another page.
    private struct PendingProblem: Sendable {
        var problem: CheckProblem
        var group: String
        /// The missing file a broken link points at, to suggest the nearest existing one once per group.
        var missingTarget: String?
    }

    private struct PageFindings: Sendable {
        var problems: [PendingProblem] = []
        var external: [ExternalLink] = []
        var internalLinks = 0
    }

    /// A page's content file, read only when a link on the page needs placing in it.
    private enum SourceText {
        case unread, missing, text(String)
    }

    private func findingsOnPage(_ path: String, _ page: ScannedPage, in site: ScannedSite) -> PageFindings {
        var findings = PageFindings()
        let resolver = site.resolver
        let source = sources[path]
        var sourceText = SourceText.unread
        func place(_ link: ScannedLink) -> (file: String, line: Int, column: Int, inContent: Bool) {
            if case .unread = sourceText {
                let text = source.flatMap { file in
                    siteDirectory.flatMap { try? String(contentsOf: $0.appendingPathComponent(file), encoding: .utf8) }
                }
                sourceText = text.map(SourceText.text) ?? .missing
            }
            if let source, case .text(let text) = sourceText, let position = LinkChecker.position(of: link.url, in: text) {
                return (source, position.line, position.column, true)
            }
            return (displayPrefix + path, link.line, link.column, false)
        }
        func problem(
            _ link: ScannedLink, _ rule: CheckRule, _ message: String, fix: String, sameAs key: String, missing: String? = nil
        ) -> PendingProblem {
            let at = place(link)
            let page = at.inContent ? " (on \(displayPrefix + path))" : ""
            let problem = CheckProblem(file: at.file, line: at.line, column: at.column, rule: rule, message: message + page, fix: fix)
            // In a content file it is its own problem; in a template, the same link to the same place is one.
            let group = at.inContent ? "\(at.file):\(at.line):\(at.column) \(key)" : key
            return PendingProblem(problem: problem, group: group, missingTarget: missing)
        }

        for link in page.links {
            switch resolver.resolve(link.url, on: path, base: page.base) {
            case .ignored:
                continue
            case .external(let url):
                let at = place(link)
                findings.external.append(ExternalLink(url: url, occurrences: 1, file: at.file, line: at.line, column: at.column, inContent: at.inContent))
            case .outside(let why):
                findings.problems.append(problem(
                    link, .brokenLink, "broken link: \(why)",
                    fix: "link to pages relative to this one (templates: start links with {{root}}), or under \(resolver.basePath)",
                    sameAs: "outside \(link.url)"))
            case .site(let target, let fragment):
                findings.internalLinks += 1
                guard let file = site.listing.file(for: target) else {
                    findings.problems.append(problem(
                        link, .brokenLink, "broken link `\(link.url)`: the built site has no \(target.isEmpty ? "home page" : "`\(target)`")",
                        fix: "correct the link, or add the page it points to", sameAs: "missing \(target)", missing: target))
                    continue
                }
                guard let fragment, !fragment.isEmpty, fragment != "top", file.hasSuffix(".html") || file.hasSuffix(".htm"),
                      let targetPage = site.pages[file], !targetPage.anchors.contains(fragment) else { continue }
                let suggestion = NameSuggestion.closest(to: fragment, among: targetPage.anchors).map { "did you mean `#\($0)`? Otherwise " } ?? ""
                findings.problems.append(problem(
                    link, .brokenAnchor,
                    "broken anchor `\(link.url)`: \(file == path ? "the page" : file) has no element with id `\(fragment)`",
                    fix: "\(suggestion)link to an id the page has, or drop the `#\(fragment)`", sameAs: "anchor \(file)#\(fragment)"))
            }
        }
        return findings
    }

    /// The line and column of the first occurrence of `needle` in `text`, counted in characters.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        guard !needle.isEmpty, let range = text.range(of: needle) else { return nil }
        var line = 1
        var column = 1
        for character in text[..<range.lowerBound] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

/// What a link check found: problems, external links (not fetched here) and how much was checked.
public struct LinkReport: Sendable {
    public var problems: [CheckProblem] = []
    public var externalLinks: [ExternalLink] = []
    /// HTML pages and feeds scanned.
    public var pages: Int
    /// Links into the site that were resolved.
    public var internalLinks = 0

    public init(problems: [CheckProblem] = [], externalLinks: [ExternalLink] = [], pages: Int = 0, internalLinks: Int = 0) {
        self.problems = problems
        self.externalLinks = externalLinks
        self.pages = pages
        self.internalLinks = internalLinks
    }
}

/// A link out of the site, with how often the site uses it and where it first appears.
public struct ExternalLink: Sendable, Equatable {
    public var url: String
    public var occurrences: Int
    /// A content file (where it was written) when it could be found there, else the built page.
    public var file: String
    public var line: Int
    public var column: Int
    /// Whether `file` is a content file rather than a built page.
    public var inContent: Bool

    public init(url: String, occurrences: Int = 1, file: String, line: Int, column: Int, inContent: Bool = false) {
        self.url = url
        self.occurrences = occurrences
        self.file = file
        self.line = line
        self.column = column
        self.inContent = inContent
    }
}

/// The files of the output folder and the anchors of its pages, shared read-only by the page checks.
private struct ScannedSite: Sendable {
    let listing: OutputListing
    let pages: [String: ScannedPage]
    let resolver: LinkResolver
}

/// The output folder's files and the folders that hold them, to resolve a link the way a static server does.
struct OutputListing: Sendable {
    let files: Set<String>
    private let folders: Set<String>

    init(files: [String]) {
        self.files = Set(files)
        var folders = Set<String>()
        for file in files {
            var folder = Substring(file)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        self.folders = folders
    }

    /// The file a server would answer `target` with: a folder's `index.html`, else the file itself; nil when none.
    func file(for target: String) -> String? {
        if target.isEmpty || target.hasSuffix("/") {
            return files.contains(target + "index.html") ? target + "index.html" : nil
        }
        if files.contains(target) { return target }
        if folders.contains(target), files.contains(target + "/index.html") { return target + "/index.html" }
        return nil
    }

    /// The existing sibling closest to a missing target (`briefs/alibaba-qwn/` → `briefs/alibaba-qwen/`).
    func closest(to target: String) -> String? {
        let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
        let slash = trimmed.lastIndex(of: "/")
        let parent = slash.map { String(trimmed[..<$0]) + "/" } ?? ""
        let name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        let siblings = (folders.union(files)).compactMap { path -> String? in
            guard path.hasPrefix(parent) else { return nil }
            let rest = path.dropFirst(parent.count)
            return rest.contains("/") ? nil : String(rest)
        }
        return NameSuggestion.closest(to: name, among: siblings).map { parent + $0 + (target.hasSuffix("/") ? "/" : "") }
    }
}
