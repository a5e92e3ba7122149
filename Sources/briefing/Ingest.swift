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

    @Flag(name: .long, help: "Say for each brief which stories it joins and why (shared companies and words, the score), and its near misses.")
    var explain = false

    func run() throws {
        let progress = ProgressReporter(label: "ingested")
        do {
            let report = try Ingester(siteDirectory: options.siteDirectory, explain: explain)
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
