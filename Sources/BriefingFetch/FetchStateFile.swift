import BriefingCore
import Foundation

/// `sources.state` in the site folder: the `FetchState` as line-based text, meant to be committed.
///
/// Scheduled CI runs start from a clean checkout, so the validators and back-off that make fetching polite
/// must live in the repository. The format (documented in the README):
///
/// ```
/// briefing-sources-state 1
/// source https://example.org/feed/
/// etag "5f1c-63a"
/// last-modified Tue, 09 Sep 2025 10:00:00 GMT
/// ```
///
/// A `source URL` line opens a block; each following `key value` line belongs to it. Blank lines and lines
/// starting with `#` are ignored. A file that is not exactly this is ignored as a whole (every source is then
/// fetched unconditionally), never an error.
public enum FetchStateFile {
    public static let fileName = "sources.state"
    static let versionLine = "briefing-sources-state 1"
    static let header = """
        # Written by `briefing fetch`: what each source answered last, so the next run asks politely.
        # Commit it with the site; deleting it only makes the next fetch unconditional. Format: see the README.
        """

    /// What reading the file gave: the state, and why it was ignored when it was.
    public struct Loaded: Sendable {
        public var state: FetchState
        public var warning: FetchWarning?
    }

    public static func url(in site: URL) -> URL { site.appendingPathComponent(fileName) }

    /// The state in `site`; a missing file is an empty state, a corrupt one an empty state and a warning.
    public static func load(from site: URL) -> Loaded {
        guard let data = FileManager.default.contents(atPath: url(in: site).path) else { return Loaded(state: FetchState()) }
        do {
            return Loaded(state: try parse(String(decoding: data, as: UTF8.self)))
        } catch {
            return Loaded(
                state: FetchState(),
                warning: FetchWarning(
                    file: fileName, line: error.line, message: error.message,
                    fix: "the file is ignored and every source is fetched unconditionally; the next fetch writes it anew"))
        }
    }

    /// A line of the file that is not understood.
    public struct Corrupt: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    public static func parse(_ text: String) throws(Corrupt) -> FetchState {
        var state = FetchState()
        var current: (url: String, state: SourceState)?
        var sawVersion = false
        func close() {
            if let current { state.sources[current.url] = current.state }
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard sawVersion else {
                guard line == versionLine else {
                    throw Corrupt(line: number, message: "expected `\(versionLine)`, found `\(line.prefix(60))`")
                }
                sawVersion = true
                continue
            }
            let key = line.prefix { $0 != " " }
            let value = String(line.dropFirst(key.count)).trimmingCharacters(in: .whitespaces)
            if key == "source" {
                guard SiteConfig.isFetchableURL(value) else { throw Corrupt(line: number, message: "`\(value)` is not an http(s) URL") }
                close()
                current = (value, SourceState())
                continue
            }
            guard var block = current?.state else { throw Corrupt(line: number, message: "`\(key)` before any `source` line") }
            func time() throws(Corrupt) -> Timestamp {
                guard let time = Timestamp(iso: value) else { throw Corrupt(line: number, message: "`\(value)` is not a time like 2025-09-10T06:00:00Z") }
                return time
            }
            switch key {
            case "etag": block.etag = value
            case "last-modified": block.lastModified = value
            case "fetched": block.fetched = try time()
            case "status": block.status = value
            case "new-item": block.newItem = try time()
            case "failures":
                guard let count = Int(value), count >= 0 else { throw Corrupt(line: number, message: "`failures` must be a count, not `\(value)`") }
                block.failures = count
            case "retry-after": block.retryAfter = try time()
            case "backoff-until": block.backoffUntil = try time()
            case "moved-to":
                guard SiteConfig.isFetchableURL(value) else { throw Corrupt(line: number, message: "`\(value)` is not an http(s) URL") }
                block.movedTo = value
            case "disabled": block.disabled = value
            default: throw Corrupt(line: number, message: "unknown key `\(key.prefix(40))`")
            }
            current?.state = block
        }
        guard sawVersion else { throw Corrupt(line: 1, message: "the file is empty") }
        close()
        return state
    }

    /// The file's text: sources sorted by URL, keys in a fixed order, so it diffs well in git.
    public static func text(of state: FetchState) -> String {
        var lines = [header, versionLine]
        for (url, source) in state.sources.sorted(by: { $0.key < $1.key }) where !source.isEmpty {
            lines.append("")
            lines.append("source \(url)")
            func add(_ key: String, _ value: String?) {
                guard let value else { return }
                let single = String(value.map { $0.isNewline || $0 == "\t" ? " " : $0 }).trimmingCharacters(in: .whitespaces)
                if !single.isEmpty { lines.append("\(key) \(single)") }
            }
            add("etag", source.etag)
            add("last-modified", source.lastModified)
            add("fetched", source.fetched?.description)
            add("status", source.status)
            add("new-item", source.newItem?.description)
            add("failures", source.failures > 0 ? String(source.failures) : nil)
            add("retry-after", source.retryAfter?.description)
            add("backoff-until", source.backoffUntil?.description)
            add("moved-to", source.movedTo)
            add("disabled", source.disabled)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file atomically (a killed run leaves the old one); unchanged text is not rewritten.
    public static func save(_ state: FetchState, to site: URL) throws {
        let target = url(in: site)
        let data = Data(text(of: state).utf8)
        if FileManager.default.contents(atPath: target.path) == data { return }
        try data.write(to: target, options: .atomic)
    }
}

extension FetchStateFile {
    /// Clears a source's disabled mark, failures and waits, so the next fetch asks it again; false when it was
    /// neither disabled nor waiting.
    public static func enable(_ url: String, in site: URL) throws -> Bool {
        var state = load(from: site).state
        var source = state[url]
        guard source.disabled != nil || source.failures > 0 || source.retryAfter != nil else { return false }
        source.disabled = nil
        source.failures = 0
        source.retryAfter = nil
        source.backoffUntil = nil
        state[url] = source
        try save(state, to: site)
        return true
    }
}
