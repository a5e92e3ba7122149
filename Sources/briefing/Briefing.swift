import ArgumentParser

/// The `briefing` command line.
@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Build briefing portals — briefs, topics, companies and a timeline — from Markdown.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Ingest.self, New.self, Serve.self]
    )
}
