import Foundation

/// What the last build read and wrote, kept in `.briefing/` beside the site so the next build can skip work.
///
/// A plain text file, one record a line: it loads in milliseconds for tens of thousands of pages. Anything
/// unreadable makes `load` return nil, and a build without a manifest is simply a clean build.
struct BuildManifest: Sendable {
    struct Input: Sendable, Equatable {
        var stamp: FileStamp
        var hash: Fingerprint
    }

    struct Output: Sendable, Equatable {
        var fingerprint: Fingerprint
        var stamp: FileStamp
        /// Names of the context parts, each with its own digest, so `--explain` can say what changed.
        var parts: [String: String]
    }

    static let header = "briefing-manifest 1"

    /// Everything that is not a file but changes output: the engine, the output folder, command-line overrides.
    var options: Fingerprint
    /// The digest of all input hashes and options: equal means nothing to do.
    var siteDigest: Fingerprint
    var inputs: [String: Input] = [:]
    var outputs: [String: Output] = [:]

    init(options: Fingerprint, siteDigest: Fingerprint) {
        self.options = options
        self.siteDigest = siteDigest
    }

    static func load(from url: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        // Split on bytes, not Characters: the manifest is ASCII but for paths, and tens of thousands of
        // lines go through here on every build, including no-op ones.
        var lines = Array(data).split(separator: UInt8(ascii: "\n"))[...]
        func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        guard let first = lines.popFirst(), text(first) == header,
              let options = lines.popFirst().flatMap({ field(text($0), "options") }),
              let site = lines.popFirst().flatMap({ field(text($0), "site") }) else { return nil }
        var manifest = BuildManifest(options: Fingerprint(hex: options), siteDigest: Fingerprint(hex: site))
        manifest.inputs.reserveCapacity(lines.count)
        manifest.outputs.reserveCapacity(lines.count)
        for line in lines {
            let columns = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard columns.count >= 5 else { return nil }
            switch text(columns[0]) {
            case "input" where columns.count == 5:
                guard let size = Int(text(columns[2])), let modified = Int(text(columns[3])) else { return nil }
                manifest.inputs[unescape(text(columns[1]))] = Input(
                    stamp: FileStamp(size: size, modified: modified), hash: Fingerprint(hex: text(columns[4])))
            case "output":
                guard let size = Int(text(columns[3])), let modified = Int(text(columns[4])) else { return nil }
                var parts: [String: String] = [:]
                for part in columns.dropFirst(5) {
                    guard let equals = part.firstIndex(of: UInt8(ascii: "=")) else { continue }
                    parts[text(part[..<equals])] = text(part[(equals + 1)...])
                }
                manifest.outputs[unescape(text(columns[1]))] = Output(
                    fingerprint: Fingerprint(hex: text(columns[2])), stamp: FileStamp(size: size, modified: modified), parts: parts)
            default:
                return nil
            }
        }
        return manifest
    }

    /// Writes the manifest atomically: a build killed while saving leaves the old one or none, never half.
    func save(to url: URL) throws {
        var text = BuildManifest.header + "\noptions \(options)\nsite \(siteDigest)\n"
        for (path, input) in inputs.sorted(by: { $0.key < $1.key }) {
            text += "input\t\(BuildManifest.escape(path))\t\(input.stamp.size)\t\(input.stamp.modified)\t\(input.hash)\n"
        }
        for (path, output) in outputs.sorted(by: { $0.key < $1.key }) {
            let parts = output.parts.sorted { $0.key < $1.key }.map { "\t\($0.key)=\($0.value)" }.joined()
            text += "output\t\(BuildManifest.escape(path))\t\(output.fingerprint)\t\(output.stamp.size)\t\(output.stamp.modified)\(parts)\n"
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    private static func field(_ line: String, _ name: String) -> String? {
        line.hasPrefix(name + " ") ? String(line.dropFirst(name.count + 1)) : nil
    }

    // Paths are the only free text in the file; tabs and newlines in them must not break a record.
    private static func escape(_ path: String) -> String {
        guard path.contains(where: { $0 == "%" || $0 == "\t" || $0 == "\n" }) else { return path }
        return path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func unescape(_ path: String) -> String {
        guard path.contains("%") else { return path }
        return path.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%25", with: "%")
    }
}
