import ArgumentParser
import Foundation

/// Options every command that works on a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding briefing.yml and content/).")
    var site: String = "."

    var siteDirectory: URL { URL(fileURLWithPath: site, isDirectory: true) }
}
