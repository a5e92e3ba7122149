import BriefingRender
import Foundation

/// `.briefing/search-terms`: the search index's `SearchTermCache` between builds.
///
/// An append-only log, like the parse cache, because rewriting every brief's terms after a one-brief edit cost
/// more than the edit's build: a header (the signature), then records — a term (numbered in order of
/// appearance) or an entry (a file's content hash and its packed terms). A later entry for the same hash
/// replaces an earlier one. Anything unreadable makes `load` return nil, and the index tokenises every brief.
enum SearchTermFile {
    static let header = "briefing-search-terms 1"
    fileprivate static let termRecord = 0
    fileprivate static let entryRecord = 1

    /// What the last build stored, read back for `engine` (the binary: another may weigh terms differently).
    struct Loaded {
        var cache: SearchTermCache
        /// Entries in the file, superseded ones included, to know when rewriting it pays.
        var records: Int
        var signature: SearchTermCache.Signature
        /// A build killed while appending leaves a partial record: the next save rewrites the file.
        var isDamaged: Bool
    }

    static func load(from url: URL, engine: String, fileDigest: @escaping @Sendable (String) -> String?) -> Loaded? {
        guard let bytes = BinaryReader.contents(of: url.path) else { return nil }
        var reader = BinaryReader(bytes)
        guard reader.string() == header, let storedEngine = reader.string(), let names = reader.string(), storedEngine == engine
        else { return nil }
        var terms: [String] = []
        var entries: [String: [UInt32]] = [:]
        var records = 0
        var isDamaged = false
        while !reader.isAtEnd {
            guard let kind = reader.int() else { isDamaged = true; break }
            if kind == termRecord {
                guard let term = reader.string() else { isDamaged = true; break }
                terms.append(term)
            } else if kind == entryRecord {
                guard let key = reader.string(), let packed = reader.uint32s() else { isDamaged = true; break }
                // Terms are written before the entries that use them: a number past the table is a damaged file.
                guard packed.allSatisfy({ Int($0 >> 6) < terms.count }) else { return nil }
                entries[key] = packed
                records += 1
            } else {
                return nil
            }
        }
        let signature = SearchTermCache.Signature(engine: engine, names: names)
        let cache = SearchTermCache(engine: engine, signature: signature, terms: terms, entries: entries, fileDigest: fileDigest)
        return Loaded(cache: cache, records: records, signature: signature, isDamaged: isDamaged)
    }

    /// Saves the cache as this build left it, leaving out the files in `unsettled` (digests of files that changed
    /// while the build read them: their terms may be from other bytes). Appends what is new where the file on disk
    /// is `previous` and still mostly current; otherwise rewrites it with this build's briefs only.
    static func store(_ cache: SearchTermCache, of briefFiles: [String], unsettled: Set<String>, previous: Loaded?, at url: URL) throws {
        let snapshot = cache.snapshot(files: briefFiles)
        guard let signature = snapshot.signature else { return }
        let fresh = snapshot.newEntries.filter { !unsettled.contains($0.key) }
        let live = snapshot.used.count - snapshot.used.intersection(unsettled).count
        if let previous, !previous.isDamaged, previous.signature == signature, previous.records + fresh.count <= 2 * max(live, 1) {
            guard !fresh.isEmpty else { return }
            var writer = BinaryWriter()
            for term in snapshot.terms[snapshot.newTermsFrom...] { writer.term(term) }
            for entry in fresh { writer.entry(entry.key, entry.terms) }
            try writer.append(to: url)
            return
        }
        // Rewritten: only the terms still used, renumbered in order of first use.
        let entries = snapshot.entries.filter { !unsettled.contains($0.key) }
        var renumbered = [UInt32?](repeating: nil, count: snapshot.terms.count)
        var writer = BinaryWriter()
        writer.string(header)
        writer.string(signature.engine)
        writer.string(signature.names)
        var next: UInt32 = 0
        for entry in entries {
            let packed = entry.terms.map { packed -> UInt32 in
                let old = Int(packed >> 6)
                if renumbered[old] == nil {
                    renumbered[old] = next
                    writer.term(snapshot.terms[old])
                    next += 1
                }
                return (renumbered[old] ?? 0) << 6 | packed & 63
            }
            writer.entry(entry.key, packed)
        }
        try writer.save(to: url)
    }
}

private extension BinaryWriter {
    mutating func term(_ term: String) {
        int(SearchTermFile.termRecord)
        string(term)
    }

    mutating func entry(_ key: String, _ terms: [UInt32]) {
        int(SearchTermFile.entryRecord)
        string(key)
        uint32s(terms)
    }
}
