import ArgumentParser
import BriefingBuild
import Foundation

/// `briefing build`: render the whole portal into the output folder.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render the site into public/.")

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: public/ in the site folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The URL the site is served from, overriding briefing.yml's baseURL.")
    var baseURL: String?

    @Option(name: .long, help: "How many pages to render at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Say why each rendered file was rendered (which of its inputs changed).")
    var explain = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let builder = SiteBuilder(
            siteDirectory: options.siteDirectory,
            outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
            baseURL: baseURL,
            jobs: jobs)
        do {
            let report = try builder.build(explain: explain) {
                FileHandle.standardError.write(Data("Another build of this site is running; waiting for it to finish…\n".utf8))
            }
            for line in report.explanations { print(line) }
            print(report)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\nThe previous output was left as it was.\n".utf8))
            throw ExitCode.failure
        }
    }
}
