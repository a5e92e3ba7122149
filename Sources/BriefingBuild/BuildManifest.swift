import Foundation

/// What the last build read and wrote, kept in `.briefing/` beside the site so the next build can skip work.
///
/// A binary file (see `BinaryWriter`): a no-op build reads it whole, and parsing a text form of tens of
/// thousands of records took half of such a build. Anything unreadable makes `load` return nil, and a build
/// without a manifest is simply a clean build.
struct BuildManifest: Sendable {
    struct Input: Sendable, Equatable {
        var stamp: FileStamp
        var hash: Fingerprint
    }

    struct Output: Sendable, Equatable {
        var fingerprint: Fingerprint
        var stamp: FileStamp
        var parts: ContextDigests
        /// The Markdown bodies its context holds (`brief/<slug>`): an edit to any other body cannot change it.
        var bodies: [String] = []
    }

    static let header = "briefing-manifest 3"

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
        guard let bytes = BinaryReader.contents(of: url.path) else { return nil }
        var reader = BinaryReader(bytes)
        guard reader.string() == header, let options = reader.fingerprint(), let site = reader.fingerprint() else { return nil }
        var manifest = BuildManifest(options: options, siteDigest: site)
        guard let inputs = reader.list({ reader -> (String, Input)? in
            guard let path = reader.string(), let size = reader.int(), let modified = reader.int(), let hash = reader.fingerprint() else { return nil }
            return (path, Input(stamp: FileStamp(size: size, modified: modified), hash: hash))
        }), let outputs = reader.list({ reader -> (String, Output)? in
            guard let path = reader.string(), let fingerprint = reader.fingerprint(), let size = reader.int(), let modified = reader.int(),
                  let parts = reader.string(), let bodies = reader.list({ $0.string() })
            else { return nil }
            return (path, Output(
                fingerprint: fingerprint, stamp: FileStamp(size: size, modified: modified),
                parts: ContextDigests(text: parts), bodies: bodies))
        }), reader.isAtEnd else { return nil }
        manifest.inputs = Dictionary(inputs, uniquingKeysWith: { first, _ in first })
        manifest.outputs = Dictionary(outputs, uniquingKeysWith: { first, _ in first })
        return manifest
    }

    /// Writes the manifest atomically: a build killed while saving leaves the old one or none, never half.
    func save(to url: URL) throws {
        var writer = BinaryWriter()
        writer.string(BuildManifest.header)
        writer.fingerprint(options)
        writer.fingerprint(siteDigest)
        // In dictionary order: nothing depends on the order of records, and sorting them cost a tenth of an edit build.
        writer.list(Array(inputs)) { writer, entry in
            writer.string(entry.key)
            writer.int(entry.value.stamp.size)
            writer.int(entry.value.stamp.modified)
            writer.fingerprint(entry.value.hash)
        }
        writer.list(Array(outputs)) { writer, entry in
            writer.string(entry.key)
            writer.fingerprint(entry.value.fingerprint)
            writer.int(entry.value.stamp.size)
            writer.int(entry.value.stamp.modified)
            writer.string(entry.value.parts.text)
            writer.list(entry.value.bodies) { $0.string($1) }
        }
        try writer.save(to: url)
    }
}
