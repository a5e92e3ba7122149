import ArgumentParser
import BriefingScaffold
import Foundation

/// `briefing new brief|company|topic|story`: write a well-formed file ready to fill in, never over an existing one.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a brief, company, topic or story file ready to fill in.",
        discussion: "Each refuses to overwrite an existing file and prints the path it wrote.",
        subcommands: [NewBrief.self, NewCompany.self, NewTopic.self, NewStory.self])
}

/// `briefing new brief "Title"`.
struct NewBrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write content/briefs/YYYY/<slug>.md, dated now, with the fields an editor fills in.")

    @OptionGroup var options: SiteOptions

    @Argument(help: "The brief's title; its slug (file name and URL) is made from it.")
    var title: String

    @Option(name: .customLong("topic"), help: "A topic slug from content/topics/ (repeat for more).")
    var topics: [String] = []

    @Option(name: .customLong("company"), help: "A company slug from content/companies/ (repeat for more).")
    var companies: [String] = []

    @Option(name: .long, help: "The brief's day, YYYY-MM-DD (default: now).")
    var date: String?

    @Option(name: .long, help: "The file name and URL slug (default: made from the title).")
    var slug: String?

    func run() throws {
        try New.write(site: options, next: "fill in the summary, sources and text") { (scaffolder) throws(ScaffoldError) -> String in
            try scaffolder.newBrief(title: title, topics: topics, companies: companies, day: date, slug: slug)
        }
    }
}

/// `briefing new company "Name"`.
struct NewCompany: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company", abstract: "Write content/companies/<slug>.md with the company's fields and a profile to write.")

    @OptionGroup var options: SiteOptions
    @OptionGroup var entry: NewEntryArguments

    func run() throws {
        try New.write(site: options, next: "add its aliases, ticker, headquarters, website and profile") { (scaffolder) throws(ScaffoldError) -> String in
            try scaffolder.newCompany(name: entry.name, slug: entry.slug)
        }
    }
}

/// `briefing new topic "Name"`.
struct NewTopic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic", abstract: "Write content/topics/<slug>.md with the topic's fields and an introduction to write.")

    @OptionGroup var options: SiteOptions
    @OptionGroup var entry: NewEntryArguments

    func run() throws {
        try New.write(site: options, next: "add its description, keywords and introduction") { (scaffolder) throws(ScaffoldError) -> String in
            try scaffolder.newTopic(name: entry.name, slug: entry.slug)
        }
    }
}

/// `briefing new story "Title"`.
struct NewStory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story", abstract: "Write content/stories/<slug>.md with the story's fields and a body to write.")

    @OptionGroup var options: SiteOptions

    @Argument(help: "The story's title; its slug (file name and URL) is made from it.")
    var title: String

    @Option(name: .long, help: "The file name and URL slug (default: made from the title).")
    var slug: String?

    func run() throws {
        try New.write(site: options, next: "fill in its summary and body, then add `stories: [slug]` to its briefs") { (scaffolder) throws(ScaffoldError) -> String in
            try scaffolder.newStory(title: title, slug: slug)
        }
    }
}

/// What `new company` and `new topic` are given.
struct NewEntryArguments: ParsableArguments {
    @Argument(help: "The name readers know it by; its slug is made from it.")
    var name: String

    @Option(name: .long, help: "The file name and URL slug (default: made from the name).")
    var slug: String?
}

extension New {
    /// Runs one scaffold, prints the path written and what to do next, or reports why nothing was written.
    static func write(site: SiteOptions, next: String, _ make: (Scaffolder) throws(ScaffoldError) -> String) throws {
        do {
            let path = try make(Scaffolder(siteDirectory: site.siteDirectory))
            print("created \(path)")
            print("Next: \(next), then run `briefing check`.")
        } catch {
            Terminal.standardError.report(error, closing: "Nothing was written.")
            throw ExitCode.failure
        }
    }
}
