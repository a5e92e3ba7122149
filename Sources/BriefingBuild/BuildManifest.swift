import Foundation

/// What the last build read and wrote, kept in `.briefing/` beside the site so the next build can skip work.
///
/// A binary file (see `BinaryWriter`): a no-op build reads it whole, and parsing a text form of tens of
/// thousands of records took half of such a build. Anything unreadable makes `load` return nil, and a build
/// without a manifest is simply a clean build.
///
/// Append-only, like the parse cache: the whole manifest, then what each later build changed (`Change`),
/// because writing every page's record after an edit that changed a few hundred cost a tenth of that build.
/// While a build puts files in place the file ends with a mark (`markOutputsChanging`): a build killed there
/// leaves a manifest that loads as none, so the next build compares every output.
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

    static let header = "briefing-manifest 5"
    /// The kinds of record after the whole manifest, each written as kind, length, bytes.
    private static let changeRecord = 1
    private static let outputsChangingRecord = 2

    /// Everything that is not a file but changes output: the engine, the output folder, command-line overrides.
    var options: Fingerprint
    /// The digest of all input hashes and options: equal means nothing to do.
    var siteDigest: Fingerprint
    var inputs: [String: Input] = [:]
    var outputs: [String: Output] = [:]
    var reads = ReadTable()
    /// The file this manifest was loaded from (or saved to), for a save that appends to it.
    var file: File?

    /// The size of the file on disk, and of its first record (the whole manifest), to know when rewriting pays.
    struct File: Sendable {
        var size: Int
        var whole: Int
    }

    init(options: Fingerprint, siteDigest: Fingerprint) {
        self.options = options
        self.siteDigest = siteDigest
    }

    static func load(from url: URL) -> BuildManifest? {
        guard let bytes = BinaryReader.contents(of: url.path) else { return nil }
        var reader = BinaryReader(bytes)
        guard reader.string() == header, let options = reader.fingerprint(), let site = reader.fingerprint() else { return nil }
        var manifest = BuildManifest(options: options, siteDigest: site)
        guard let inputs = reader.list({ $0.input() }),
              let keys = reader.list({ $0.readKey() }),
              let outputs = reader.list({ $0.output() })
        else { return nil }
        manifest.inputs = Dictionary(inputs, uniquingKeysWith: { first, _ in first })
        manifest.outputs = Dictionary(outputs, uniquingKeysWith: { first, _ in first })
        var table = (keys: keys.map(\.0), digests: keys.map(\.1))
        let whole = reader.offset
        var changing = false
        while !reader.isAtEnd {
            guard let kind = reader.int(), let length = reader.int(), let range = reader.skip(length) else { return nil }
            var record = BinaryReader(bytes, range: range)
            switch kind {
            case changeRecord:
                guard manifest.apply(&record, table: &table), record.isAtEnd else { return nil }
                changing = false
            case outputsChangingRecord:
                changing = true
            default:
                return nil
            }
        }
        // Killed while its outputs changed: what they are is unknown.
        guard !changing else { return nil }
        guard manifest.outputs.values.allSatisfy({ $0.reads.allSatisfy { Int($0) < table.keys.count } }) else { return nil }
        manifest.reads = ReadTable(keys: table.keys, digests: table.digests)
        manifest.file = File(size: bytes.count, whole: whole)
        return manifest
    }

    /// Applies one `Change` record.
    private mutating func apply(_ reader: inout BinaryReader, table: inout (keys: [String], digests: [Fingerprint?])) -> Bool {
        guard let site = reader.fingerprint(), let setInputs = reader.list({ $0.input() }), let removedInputs = reader.list({ $0.string() }),
              let addedKeys = reader.list({ $0.readKey() }),
              let digests = reader.list({ reader -> (Int, Fingerprint?)? in
                  guard let number = reader.int(), let digest = reader.readDigest() else { return nil }
                  return (number, digest)
              }),
              let setOutputs = reader.list({ $0.output() }), let removedOutputs = reader.list({ $0.string() })
        else { return false }
        siteDigest = site
        for (path, input) in setInputs { inputs[path] = input }
        for path in removedInputs { inputs[path] = nil }
        table.keys += addedKeys.map(\.0)
        table.digests += addedKeys.map(\.1)
        for (number, digest) in digests {
            guard table.digests.indices.contains(number) else { return false }
            table.digests[number] = digest
        }
        for (path, output) in setOutputs { outputs[path] = output }
        for path in removedOutputs { outputs[path] = nil }
        return true
    }

    /// Marks the file as describing outputs about to change (see the type's comment); false when it cannot.
    static func markOutputsChanging(at url: URL) -> Bool {
        var writer = BinaryWriter()
        writer.int(outputsChangingRecord)
        writer.int(0)
        return (try? writer.append(to: url)) != nil
    }

    /// Saves the manifest: appended as a change to `previous`, the manifest the file on disk held when this build
    /// began, where the change is small beside the whole; otherwise written whole. `outputsChanged` names the
    /// outputs whose records may differ from `previous`'s, when the caller knows (nil: compare them all).
    /// Returns the file as it now is.
    @discardableResult
    func save(to url: URL, after previous: BuildManifest?, outputsChanged: [String]? = nil) throws -> File {
        func whole() throws -> File {
            try save(to: url)
            let size = FileStamp(path: url.path)?.size ?? 0
            return File(size: size, whole: size)
        }
        guard let previous, let file = previous.file, previous.options == options,
              let change = change(since: previous, outputs: outputsChanged, maximum: max(file.whole / 4, 4096)),
              file.size - file.whole + change.count <= file.whole / 2
        else { return try whole() }
        var writer = BinaryWriter()
        writer.int(BuildManifest.changeRecord)
        writer.int(change.count)
        writer.append(change)
        do {
            try writer.append(to: url)
        } catch {
            return try whole()
        }
        return File(size: FileStamp(path: url.path)?.size ?? 0, whole: file.whole)
    }

    /// What changed since `previous`, as a `Change` record's bytes; nil when the read table was renumbered, or
    /// when the record would pass `maximum` bytes (an edit to a template changes every page: write it whole).
    private func change(since previous: BuildManifest, outputs paths: [String]?, maximum: Int) -> [UInt8]? {
        let known = previous.reads.keys.count
        guard reads.keys.count >= known, reads.keys[..<known] == previous.reads.keys[...] else { return nil }
        var writer = BinaryWriter()
        writer.fingerprint(siteDigest)
        writer.list(inputs.filter { previous.inputs[$0.key] != $0.value }.map { $0 }) { $0.input($1.key, $1.value) }
        writer.list(previous.inputs.keys.filter { inputs[$0] == nil }) { $0.string($1) }
        writer.list(Array(zip(reads.keys[known...], reads.digests[known...]))) { $0.readKey($1.0, $1.1) }
        writer.list((0..<known).filter { reads.digests[$0] != previous.reads.digests[$0] }) { writer, number in
            writer.int(number)
            writer.readDigest(reads.digests[number])
        }
        var changed: [(String, Output)] = []
        var removed: [String] = []
        var size = writer.bytes.count
        for path in paths ?? Array(Set(outputs.keys).union(previous.outputs.keys)) {
            guard let output = outputs[path] else {
                if previous.outputs[path] != nil { removed.append(path) }
                continue
            }
            guard previous.outputs[path] != output else { continue }
            changed.append((path, output))
            size += 80 + path.utf8.count + output.parts.text.utf8.count + 4 * output.reads.count
            if size > maximum { return nil }
        }
        writer.list(changed) { $0.output($1.0, $1.1) }
        writer.list(removed) { $0.string($1) }
        return writer.bytes.count > maximum ? nil : writer.bytes
    }

    /// Writes the whole manifest atomically: a build killed while saving leaves the old one or none, never half.
    /// Written in pieces: at 100,000 briefs the manifest is over a hundred megabytes, held twice when built whole.
    func save(to url: URL) throws {
        try BinaryWriter.save(to: url) { descriptor in
            var writer = BinaryWriter()
            writer.string(BuildManifest.header)
            writer.fingerprint(options)
            writer.fingerprint(siteDigest)
            // In dictionary order: nothing depends on the order of records, and sorting them cost a tenth of an edit build.
            writer.list(Array(inputs)) { $0.input($1.key, $1.value) }
            var (table, outputs) = (reads, Array(outputs))
            if let compacted = table.compacted(outputs.map(\.value.reads)) {
                table = compacted.table
                for index in outputs.indices { outputs[index].value.reads = compacted.reads[index] }
            }
            writer.list(Array(zip(table.keys, table.digests))) { $0.readKey($1.0, $1.1) }
            writer.int(outputs.count)
            for (path, output) in outputs {
                writer.output(path, output)
                if writer.bytes.count > 1 << 22 { try writer.flush(to: descriptor, path: url.path) }
            }
            try writer.flush(to: descriptor, path: url.path)
        }
    }
}

// Each record's layout, reading and writing side by side.
extension BinaryWriter {
    fileprivate mutating func input(_ path: String, _ input: BuildManifest.Input) {
        string(path)
        int(input.stamp.size)
        int(input.stamp.modified)
        fingerprint(input.hash)
    }

    fileprivate mutating func readKey(_ key: String, _ digest: Fingerprint?) {
        string(key)
        readDigest(digest)
    }

    fileprivate mutating func readDigest(_ digest: Fingerprint?) {
        int(digest == nil ? 0 : 1)
        if let digest { fingerprint(digest) }
    }

    fileprivate mutating func output(_ path: String, _ output: BuildManifest.Output) {
        string(path)
        fingerprint(output.fingerprint)
        int(output.stamp.size)
        int(output.stamp.modified)
        string(output.parts.text)
        uint32s(output.reads)
    }
}

extension BinaryReader {
    fileprivate mutating func input() -> (String, BuildManifest.Input)? {
        guard let path = string(), let size = int(), let modified = int(), let hash = fingerprint() else { return nil }
        return (path, BuildManifest.Input(stamp: FileStamp(size: size, modified: modified), hash: hash))
    }

    fileprivate mutating func readKey() -> (String, Fingerprint?)? {
        guard let key = string(), let digest = readDigest() else { return nil }
        return (key, digest)
    }

    /// `.some(nil)` for a read without a digest; nil when unreadable.
    fileprivate mutating func readDigest() -> Fingerprint?? {
        switch int() {
        case 0: return .some(nil)
        case 1: return fingerprint().map { .some($0) }
        default: return nil
        }
    }

    fileprivate mutating func output() -> (String, BuildManifest.Output)? {
        guard let path = string(), let fingerprint = fingerprint(), let size = int(), let modified = int(),
              let parts = string(), let reads = uint32s()
        else { return nil }
        return (path, BuildManifest.Output(
            fingerprint: fingerprint, stamp: FileStamp(size: size, modified: modified), parts: ContextDigests(text: parts), reads: reads))
    }
}
