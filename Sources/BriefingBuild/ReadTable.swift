import BriefingCore
import BriefingRender
import BriefingTemplates

/// Every read key the manifest's pages hold (`SiteRead.key`, and `MarkdownBodies` keys for bodies), numbered, with
/// the digest of each query read's value (see `SiteRead.value`) as the build that recorded it saw it. Pages keep
/// their reads as numbers into it: a quarter of a million keys as strings made the manifest twice as large.
struct ReadTable: Sendable {
    private(set) var keys: [String] = []
    /// Per number: the query's value digest; nil for reads that are not queries, or not yet digested.
    private(set) var digests: [Fingerprint?] = []
    /// Per number: whether the key is a query read's (`SiteRead.isQuery`), decided once as the key is added.
    private var isQuery: [Bool] = []
    private var numbers: [String: UInt32] = [:]

    init() {}

    init(keys: [String], digests: [Fingerprint?]) {
        self.keys = keys
        self.digests = digests
        // Every query read is saved with its digest (see `SiteBuilder.record`).
        isQuery = digests.map { $0 != nil }
        numbers.reserveCapacity(keys.count)
        for (number, key) in keys.enumerated() { numbers[key] = UInt32(number) }
    }

    /// The key's number, adding it when new.
    mutating func number(_ key: String) -> UInt32 {
        if let number = numbers[key] { return number }
        let number = UInt32(keys.count)
        keys.append(key)
        digests.append(nil)
        isQuery.append(ReadTable.isQuery(key))
        numbers[key] = number
        return number
    }

    func number(of key: String) -> UInt32? { numbers[key] }

    /// The numbers of everything a page read, adding the keys that are new, with the digests the page worked out.
    mutating func numbers(_ print: PageFingerprint) -> [UInt32] {
        let numbers = print.bodies.map { number($0) } + print.reads.map { number($0.key) }
        // Worked out from this site, as `digest(in:)` would: the value as it is now.
        for (key, digest) in print.digests { if let number = self.numbers[key], isQuery[Int(number)] { digests[Int(number)] = digest } }
        return numbers
    }

    private static func isQuery(_ key: String) -> Bool { SiteRead(key: key)?.isQuery ?? false }

    /// The digest of a query read's value in `site`; nil for other reads.
    static func digest(of key: String, in site: Site) -> Fingerprint? {
        guard let read = SiteRead(key: key), read.isQuery else { return nil }
        var hasher = FingerprintHasher()
        read.value(in: site, into: &hasher)
        return hasher.finish()
    }

    /// Digests every query read's value in `site` afresh (all of them, or only those without one yet), and returns
    /// the numbers of those whose digest changed.
    mutating func digest(in site: Site, onlyMissing: Bool, jobs: Int) -> [UInt32] {
        digest(in: site, jobs: jobs) { _ in !onlyMissing }
    }

    /// Digests the query reads `touched` names afresh, and those without a digest yet; returns the numbers of those
    /// whose digest changed.
    mutating func digest(in site: Site, touched: TouchedQueries, jobs: Int) -> [UInt32] {
        digest(in: site, jobs: jobs) { key in SiteRead(key: key).map(touched.contains) ?? true }
    }

    private mutating func digest(in site: Site, jobs: Int, again: (String) -> Bool) -> [UInt32] {
        let keys = keys
        let wanted = keys.indices.filter { isQuery[$0] && (digests[$0] == nil || again(keys[$0])) }
        let fresh = wanted.parallelMap(jobs: jobs) { ReadTable.digest(of: keys[$0], in: site) }
        var changed: [UInt32] = []
        for (number, digest) in zip(wanted, fresh) where digests[number] != digest {
            if digests[number] != nil { changed.append(UInt32(number)) }
            digests[number] = digest
        }
        return changed
    }

    /// The table holding only the keys `reads` use, and each page's reads renumbered into it; nil when fewer than
    /// a third of the keys are unused, since renumbering every page costs more than keeping a few stale keys.
    func compacted(_ reads: [[UInt32]]) -> (table: ReadTable, reads: [[UInt32]])? {
        var used = [Bool](repeating: false, count: keys.count)
        for list in reads { for number in list { used[Int(number)] = true } }
        let live = used.lazy.filter { $0 }.count
        guard live * 3 < keys.count * 2 else { return nil }
        var renumbered = [UInt32](repeating: 0, count: keys.count)
        var table = ReadTable()
        for number in keys.indices where used[number] {
            renumbered[number] = table.number(keys[number])
            table.digests[Int(renumbered[number])] = digests[number]
        }
        return (table, reads.map { $0.map { renumbered[Int($0)] } })
    }
}

/// A query's pieces go in tagged as template values are, so that a text and a number can never read alike.
extension FingerprintHasher: ReadValueSink {
    mutating func add(text: String) { add(TemplateValue.string(text)) }
    mutating func add(number: Int) { add(TemplateValue.int(number)) }
}
