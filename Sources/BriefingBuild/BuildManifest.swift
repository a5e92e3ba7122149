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
        /// What its context read, as numbers in `reads`: the Markdown bodies it holds (`brief/<slug>`) and what it
        /// read from the site (`SiteRead`). An edit that changes none of them cannot change the page.
        var reads: [UInt32] = []
    }

    static let header = "briefing-manifest 4"

    /// Everything that is not a file but changes output: the engine, the output folder, command-line overrides.
    var options: Fingerprint
    /// The digest of all input hashes and options: equal means nothing to do.
    var siteDigest: Fingerprint
    var inputs: [String: Input] = [:]
    var outputs: [String: Output] = [:]
    var reads = ReadTable()

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
        }), let keys = reader.list({ reader -> (String, Fingerprint?)? in
            guard let key = reader.string(), let isQuery = reader.int() else { return nil }
            guard isQuery == 1 else { return (key, nil) }
            return reader.fingerprint().map { (key, $0) }
        }), let outputs = reader.list({ reader -> (String, Output)? in
            guard let path = reader.string(), let fingerprint = reader.fingerprint(), let size = reader.int(), let modified = reader.int(),
                  let parts = reader.string(), let reads = reader.uint32s(), reads.allSatisfy({ Int($0) < keys.count })
            else { return nil }
            return (path, Output(
                fingerprint: fingerprint, stamp: FileStamp(size: size, modified: modified),
                parts: ContextDigests(text: parts), reads: reads))
        }), reader.isAtEnd else { return nil }
        manifest.reads = ReadTable(keys: keys.map(\.0), digests: keys.map(\.1))
        manifest.inputs = Dictionary(inputs, uniquingKeysWith: { first, _ in first })
        manifest.outputs = Dictionary(outputs, uniquingKeysWith: { first, _ in first })
        return manifest
    }

    /// Writes the manifest atomically: a build killed while saving leaves the old one or none, never half. Written
    /// in pieces: at 100,000 briefs the manifest is over a hundred megabytes, held twice when built whole.
    func save(to url: URL) throws {
        try BinaryWriter.save(to: url) { descriptor in
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
            var (table, outputs) = (reads, Array(outputs))
            if let compacted = table.compacted(outputs.map(\.value.reads)) {
                table = compacted.table
                for index in outputs.indices { outputs[index].value.reads = compacted.reads[index] }
            }
            writer.list(Array(zip(table.keys, table.digests))) { writer, entry in
                writer.string(entry.0)
                writer.int(entry.1 == nil ? 0 : 1)
                if let digest = entry.1 { writer.fingerprint(digest) }
            }
            writer.int(outputs.count)
            for (path, output) in outputs {
                writer.string(path)
                writer.fingerprint(output.fingerprint)
                writer.int(output.stamp.size)
                writer.int(output.stamp.modified)
                writer.string(output.parts.text)
                writer.uint32s(output.reads)
                if writer.bytes.count > 1 << 22 { try writer.flush(to: descriptor, path: url.path) }
            }
            try writer.flush(to: descriptor, path: url.path)
        }
    }
}
