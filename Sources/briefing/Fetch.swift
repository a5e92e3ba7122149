import ArgumentParser
import BriefingCore
import BriefingFetch
import Foundation

/// `briefing fetch`: fetch the due sources of briefing.yml politely and ingest what is new.
struct Fetch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch the feeds listed under `sources:` in briefing.yml and ingest what is new.",
        discussion: """
            Each source is fetched when its `every` interval (default 1h) has passed, with the ETag and \
            Last-Modified of its last answer, so an unchanged feed costs one 304 and writes nothing. What comes \
            back is ingested exactly as `briefing ingest` does; briefs an editor has changed are never overwritten.

            What each source answered is kept in sources.state in the site folder: commit it, so a scheduled run \
            from a clean checkout stays polite. Permanent redirects are reported (update briefing.yml), `410 Gone` \
            disables a source (`briefing sources enable URL`), `429`/`503` wait for the server's Retry-After, and \
            other failures back off exponentially.

            Exit status: 0 when every source due succeeded, 1 when any failed (the others are still fetched and \
            ingested), 2 for a usage or briefing.yml error.
            """)

    @OptionGroup var options: SiteOptions

    @Flag(help: "Fetch every source now, even before its `every` interval has passed (a server's Retry-After still holds).")
    var all = false

    @Flag(name: .customLong("dry-run"), help: "Say which sources would be fetched and with which conditional headers; request and write nothing.")
    var dryRun = false

    func run() async throws {
        let status = await execute(now: .now(), output: .standardOutput, errors: .standardError)
        if status != 0 { throw ExitCode(status) }
    }

    /// The whole command with its clock and terminals passed in; returns the exit status.
    func execute(now: Timestamp, output: Terminal, errors: Terminal) async -> Int32 {
        let site: SiteSources
        do {
            site = try SiteSources.load(from: options.siteDirectory)
        } catch {
            errors.report(error)
            return 2
        }
        guard !site.config.sources.isEmpty else {
            errors.report([Diagnostic(
                file: SiteConfig.fileName, message: "no sources to fetch",
                fix: "add feeds under `sources:`, or run `briefing sources add URL` (a feed or a page that links to one)")])
            return 2
        }
        let problems = site.unknownTags()
        guard problems.isEmpty else {
            errors.report(problems.map(Diagnostic.init))
            return 2
        }
        var run = FetchRun(
            siteDirectory: options.siteDirectory, sources: site.sources,
            options: FetchOptions(version: Briefing.configuration.version, settings: site.config.fetch), now: now)
        run.ignoringInterval = all
        run.dryRun = dryRun
        let report = await run.run()
        if !report.warnings.isEmpty {
            errors.report(report.warnings.map { Diagnostic(file: $0.file, line: $0.line, severity: .warning, message: $0.message, fix: $0.fix) })
        }
        output.write(report.lines.joined(separator: "\n") + "\n")
        return report.exitStatus
    }
}
