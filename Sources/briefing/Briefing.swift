import ArgumentParser
import Foundation

/// The `briefing` command line.
@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Build briefing portals — briefs, topics, companies and a timeline — from Markdown.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Companies.self, Fetch.self, Ingest.self, New.self, Retag.self, Serve.self, SourcesCommand.self]
    )

    /// As ArgumentParser's, except that a usage error exits 2 (as `fetch` documents, and most Unix tools do), not 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
