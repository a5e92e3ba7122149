import ArgumentParser
import BriefingBuild
import BriefingServe
import Foundation

/// `briefing serve`: build, serve on localhost, rebuild and reload the browser on every change.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it with live reload, and rebuild whenever content, templates or settings change.",
        discussion: """
            Pages are built for http://HOST:PORT/ into the output folder. Open pages reload after each rebuild; \
            a build error is shown over the page and printed here, and the next save that fixes it clears it.
            """)

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on; the default only answers this machine.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Where to write the site (default: public/ in the site folder).")
    var output: String?

    @Option(name: .long, help: "How many pages to render at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        // Every reload is a build: its heaps are kept grown between them rather than shrunk and grown again.
        HeapPadding.apply()
        let server = DevServer(
            siteDirectory: options.siteDirectory,
            outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
            host: host, port: UInt16(port), jobs: jobs)
        do {
            try await server.run(report: Self.show)
        } catch {
            Self.write("error: \(error.description)\n", to: .standardError)
            throw ExitCode.failure
        }
    }

    /// Written straight to the file descriptors: `print` buffers when the output is a pipe, and a
    /// program waiting for the "Serving" line would wait for ever.
    static func show(_ event: ServeEvent) {
        switch event {
        case .listening(let url):
            write("Serving \(url.absoluteString) — watching briefing.yml, content/, templates/ and static/ (Ctrl-C to stop)\n")
        case .built(let report, let changed):
            write(changed.isEmpty ? "\(report)\n" : "\(changeSummary(changed)): \(report)\n")
        case .failed(let error, let changed):
            let cause = changed.isEmpty ? "" : "\(changeSummary(changed))\n"
            write(cause + "error: \(error.description)\nThe browser shows this error; fix it and save, and the site builds again.\n", to: .standardError)
        case .waitingForLock:
            write("Another build of this site is running; waiting for it to finish…\n", to: .standardError)
        }
    }

    static func changeSummary(_ changed: [String]) -> String {
        changed.count == 1 ? "\(changed[0]) changed" : "\(changed[0]) and \(changed.count - 1) more changed"
    }

    static func write(_ text: String, to handle: FileHandle = .standardOutput) {
        handle.write(Data(text.utf8))
    }
}
