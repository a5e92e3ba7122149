import ArgumentParser
import BriefingIngest
import Foundation

/// `briefing ingest FILE…`: turn feeds and digests into briefs in content/briefs/.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn source documents (RSS, Atom, JSON Feed, flattened feed text, digests) into briefs.",
        discussion: """
            The format is detected from each file's content. Re-ingesting the same document changes nothing, \
            and a brief an editor has changed since ingest wrote it is never overwritten.
            """)

    @OptionGroup var options: SiteOptions

    @Argument(help: "Source documents to ingest.")
    var files: [String]

    func run() throws {
        let progress = ProgressReporter(label: "ingested")
        do {
            let report = try Ingester(siteDirectory: options.siteDirectory)
                .ingest(files.map { URL(fileURLWithPath: $0) }, progress: progress.callback)
            progress.finish()
            print(report)
        } catch {
            progress.finish()
            Terminal.standardError.report(error)
            throw ExitCode.failure
        }
    }
}
