import ArgumentParser
import BriefingIngest
import BriefingScaffold
import Foundation

/// `briefing companies suggest|add`: grow the company registry from what the briefs name.
struct Companies: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List names the briefs use that may be companies, and add one to the registry.",
        subcommands: [Suggest.self, Add.self])

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List organisation-like names in the briefs that the registry lacks, with counts and context.",
            discussion: """
                Strongest first: the score adds each kind of cue (a corporate form, a ticker, a company noun, \
                shares or owners) and repetition; `strong` ones are what ingest adds by itself (see the README).
                """)

        @OptionGroup var options: SiteOptions

        @Option(name: .long, help: "List at most this many.")
        var limit: Int = 40

        func run() throws {
            let candidates: [CompanyCandidate]
            do {
                candidates = try CompanyCandidates.inBriefs(of: options.siteDirectory)
            } catch {
                Terminal.standardError.report(error)
                throw ExitCode.failure
            }
            guard !candidates.isEmpty else {
                print("No names in the briefs look like companies the registry lacks.")
                return
            }
            for candidate in candidates.prefix(limit) {
                let cues = candidate.cues.isEmpty ? "no cue, named repeatedly" : candidate.cues.sorted().map(\.rawValue).joined(separator: "; ")
                print("\(candidate.name)\(candidate.isStrong ? " (strong)" : "") — \(candidate.mentions) mention\(candidate.mentions == 1 ? "" : "s") "
                    + "in \(candidate.items) brief\(candidate.items == 1 ? "" : "s"), score \(candidate.score): \(cues)")
                if !candidate.context.isEmpty { print("    “\(candidate.context)”") }
            }
            if candidates.count > limit { print("… and \(candidates.count - limit) more (--limit)") }
            print("Add one with `briefing companies add \"Name\" [--alias …]`.")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write content/companies/<slug>.md, then re-tag the briefs ingest wrote so the company shows its history.")

        @OptionGroup var options: SiteOptions

        @Argument(help: "The name readers know it by; its slug is made from it.")
        var name: String

        @Option(name: .customLong("alias"), help: "Another name that identifies it in text (repeat for more).")
        var aliases: [String] = []

        @Option(name: .long, help: "The file name and URL slug (default: made from the name).")
        var slug: String?

        func run() throws {
            try New.write(site: options, next: "write its profile, ticker, headquarters and website") { (scaffolder) throws(ScaffoldError) -> String in
                try scaffolder.newCompany(name: name, slug: slug, aliases: aliases)
            }
            do {
                let report = try Ingester(siteDirectory: options.siteDirectory).retag()
                let retagged = report.entries.filter { $0.path.hasPrefix("content/briefs/") && $0.outcome == .updated }
                for entry in retagged { print("re-tagged: \(entry.path)") }
                for warning in report.warnings { print("warning: \(warning)") }
                print("Re-tagged \(retagged.count) brief\(retagged.count == 1 ? "" : "s").")
            } catch {
                Terminal.standardError.report(error)
                throw ExitCode.failure
            }
        }
    }
}
