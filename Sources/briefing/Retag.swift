import ArgumentParser
import BriefingIngest
import Foundation

/// `briefing retag`: tag the briefs ingest wrote again, after the registry changed.
struct Retag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-tag the briefs ingest wrote with the company and topic registry as it is now.",
        discussion: """
            A company, alias or topic keyword added since a brief was written is found in the text the brief \
            keeps, so a new company shows its history. Only briefs nobody edited are changed; an edited one that \
            would change is reported with what to add. Ingest does the same on every run.
            """)

    @OptionGroup var options: SiteOptions

    func run() throws {
        do {
            print(try Ingester(siteDirectory: options.siteDirectory).retag())
        } catch {
            Terminal.standardError.report(error)
            throw ExitCode.failure
        }
    }
}
