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

    @Flag(name: .long, help: "Say why each rendered file was rendered (which of its inputs changed), how many pages were examined, and how long each stage took.")
    var explain = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var builder = SiteBuilder(
            siteDirectory: options.siteDirectory,
            outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
            baseURL: baseURL,
            jobs: jobs)
        // The process ends with the build.
        builder.freesMemory = false
        HeapPadding.apply()
        let progress = ProgressReporter(label: "rendered")
        do {
            let report = try builder.build(explain: explain, waiting: Terminal.waitForOtherBuild, progress: progress.callback)
            progress.finish()
            for line in report.explanations { print(line) }
            if explain {
                print(report.examinedEveryPage ? "every page examined" : "\(report.examined) pages examined: those that read what changed")
                print("stages: \(report.times)")
            }
            print(report)
        } catch {
            progress.finish()
            var closing = "The previous output was left as it was."
            if case .content(let errors) = error {
                closing = "\(errors.problems.count == 1 ? "1 problem" : "\(errors.problems.count) problems") in the site's content. " + closing
            }
            Terminal.standardError.report(error, closing: closing)
            throw ExitCode.failure
        }
    }
}

extension Terminal {
    /// Said when a build has to wait for the lock, so a pause does not look like a hang.
    static func waitForOtherBuild() {
        standardError.write("Another build of this site is running; waiting for it to finish…\n")
    }
}
