import BriefingCore
import Foundation

/// The content parsed by earlier builds, with each file's content hash, kept in `.briefing/content`.
///
/// An incremental build parses only the files whose hash changed: YAML was a quarter of an edit build.
/// The layout is binary, because decoding JSON for ten thousand briefs cost more than parsing their YAML,
/// and append-only, because rewriting it after a one-file edit cost more than the rest of the build. Brief
/// bodies are not kept: they are read from their files when a page needs them.
struct ContentCache: Sendable {
    static let header = "briefing-content 4"

    /// The binary it was made by: another may parse differently.
    let options: Fingerprint
    private(set) var hashes: [String: Fingerprint] = [:]
    private(set) var content = ParsedContent()
    /// Records in the file, superseded ones included, to know when rewriting it pays.
    private(set) var records = 0
    /// A build killed while appending leaves a partial record; the next save rewrites the file rather than append after it.
    private(set) var isDamaged = false

    init(options: Fingerprint) { self.options = options }

    /// The files that still have the bytes they were parsed from.
    func reusable(for inputs: SiteInputs, options: Fingerprint) -> ParsedContent {
        guard options == self.options else { return ParsedContent() }
        // Usually nearly everything is reusable: removing the few stale entries beats building new dictionaries.
        let stale = hashes.filter { inputs.files[$0.key]?.hash != $0.value }.map(\.key)
        return stale.isEmpty ? content : content.removing(stale)
    }

    /// Briefs loaded from the cache read their bodies from their files under `siteDirectory` when needed.
    static func load(from url: URL, siteDirectory: URL, jobs: Int) -> ContentCache? {
        guard let bytes = BinaryReader.contents(of: url.path) else { return nil }
        var reader = BinaryReader(bytes)
        guard reader.string() == header, let options = reader.fingerprint() else { return nil }
        var cache = ContentCache(options: options)
        var ranges: [Range<Int>] = []
        while !reader.isAtEnd {
            guard let length = reader.int(), let range = reader.skip(length) else {
                cache.isDamaged = true
                break
            }
            ranges.append(range)
        }
        // Records decode independently, so all cores share the work.
        let root = siteDirectory.path.hasSuffix("/") ? siteDirectory.path : siteDirectory.path + "/"
        let entries = ranges.parallelMap(jobs: jobs) { range -> Entry? in
            var record = BinaryReader(bytes, range: range)
            guard let entry = record.entry(siteDirectory: root), record.isAtEnd else { return nil }
            return entry
        }
        for entry in entries {
            guard let entry else { return nil }
            cache.add(entry)
        }
        return cache
    }

    /// Records the site's files that were parsed afresh (not in `reused`), appending them to the file where the
    /// cache on disk is `previous` and still mostly current, and otherwise rewriting it with every file. Returns
    /// the cache the file now holds, for a caller that keeps it in memory (`BuildMemory`).
    @discardableResult
    static func store(
        _ site: Site, reused: ParsedContent, inputs: SiteInputs, options: Fingerprint, previous: ContentCache?, at url: URL
    ) throws -> ContentCache? {
        // After an edit only a few files are fresh: the whole list is made only when the file is rewritten.
        let fresh = items(of: site) { !reused.contains($0) }
        guard !fresh.isEmpty else { return previous }
        let total = site.briefs.count + site.topics.count + site.companies.count + site.stories.count
        let append = previous.map { !$0.isDamaged && $0.options == options && $0.records + fresh.count <= 2 * total } ?? false
        var stored = append ? previous ?? ContentCache(options: options) : ContentCache(options: options)
        var writer = BinaryWriter()
        if !append {
            writer.string(header)
            writer.fingerprint(options)
        }
        for (path, item) in (append ? fresh : items(of: site) { _ in true }).sorted(by: { $0.0 < $1.0 }) {
            // An input the build could not pin down (see `SiteInputs.forgetting`) is parsed again next time.
            guard let input = inputs.files[path], input.stamp.size >= 0 else { continue }
            let entry = Entry(path: path, hash: input.hash, item: item)
            var record = BinaryWriter()
            record.entry(entry)
            writer.int(record.bytes.count)
            writer.append(record.bytes)
            stored.add(entry)
        }
        if append {
            try writer.append(to: url)
        } else {
            try writer.save(to: url)
        }
        return stored
    }

    /// The site's content files whose path `included` accepts, each with what was parsed from it.
    private static func items(of site: Site, where included: (String) -> Bool) -> [(String, Entry.Item)] {
        site.briefs.filter { included($0.location.file) }.map { ($0.location.file, .brief($0)) }
            + site.topics.filter { included($0.location.file) }.map { ($0.location.file, .topic($0)) }
            + site.companies.filter { included($0.location.file) }.map { ($0.location.file, .company($0)) }
            + site.stories.filter { included($0.location.file) }.map { ($0.location.file, .story($0)) }
    }

    private mutating func add(_ entry: Entry) {
        records += 1
        hashes[entry.path] = entry.hash
        switch entry.item {
        case .brief(let brief): content.briefs[entry.path] = brief
        case .topic(let topic): content.topics[entry.path] = topic
        case .company(let company): content.companies[entry.path] = company
        case .story(let story): content.stories[entry.path] = story
        }
    }

    /// One record: a file as it was parsed.
    struct Entry: Sendable {
        enum Item: Sendable {
            case brief(Brief)
            case topic(Topic)
            case company(Company)
            case story(Story)
        }

        var path: String
        var hash: Fingerprint
        var item: Item
    }
}
