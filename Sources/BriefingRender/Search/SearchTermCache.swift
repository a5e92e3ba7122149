import BriefingCore
import Synchronization

/// Each brief's weighted search terms from earlier builds, kept under its file's hash, so a build tokenises only
/// the briefs whose files changed.
///
/// Terms are numbered in one table shared by every brief, and a brief's terms are kept as `number << 6 | weight`:
/// the index then gathers postings by number rather than by hashing strings, which, at two million postings for
/// ten thousand briefs, was most of its time. The build stores the cache in `.briefing/` between builds.
public final class SearchTermCache: Sendable {
    /// What weights depend on besides a brief's file: the engine, and the names of topics and companies
    /// (a brief's terms include the names of those it is tagged with).
    public struct Signature: Sendable, Equatable {
        public var engine: String
        public var names: String

        public init(engine: String, names: String) {
            self.engine = engine
            self.names = names
        }
    }

    struct State {
        var signature: Signature?
        var terms: [String] = []
        var numbers: [String: UInt32] = [:]
        var entries: [String: [UInt32]] = [:]
        /// Terms and entries added since the cache was loaded, for a store that appends.
        var loadedTerms = 0
        var added: [String] = []
    }

    private let state: Mutex<State>
    private let fileDigest: @Sendable (String) -> String?
    private let engine: String

    /// A cache holding `entries` (file digest → packed terms) over `terms` as an earlier build left it under
    /// `signature`. `fileDigest` gives the content hash of a site-relative path, nil where unknown (that brief's
    /// terms are computed and not kept).
    public init(
        engine: String = "", signature: Signature? = nil, terms: [String] = [], entries: [String: [UInt32]] = [:],
        fileDigest: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        var state = State(signature: signature, terms: terms, entries: entries)
        state.numbers.reserveCapacity(terms.count)
        for (number, term) in terms.enumerated() { state.numbers[term] = UInt32(number) }
        state.loadedTerms = terms.count
        self.state = Mutex(state)
        self.fileDigest = fileDigest
        self.engine = engine
    }

    /// Forgets everything kept under another signature: the names a brief's terms include have changed.
    func adopt(names: String) {
        let signature = Signature(engine: engine, names: names)
        state.withLock { state in
            guard state.signature != signature else { return }
            state = State(signature: signature)
        }
    }

    /// The brief's packed terms, from the cache where its file is unchanged, otherwise from `weigh` (and kept).
    func terms(of brief: Brief, weigh: () -> [(String, Int)]) -> [UInt32] {
        let key = fileDigest(brief.location.file)
        if let key, let known = state.withLock({ state -> [UInt32]? in
            state.entries[key]
        }) {
            return known
        }
        let weighed = weigh()
        return state.withLock { state in
            var packed: [UInt32] = []
            packed.reserveCapacity(weighed.count)
            for (term, weight) in weighed {
                let number: UInt32
                if let known = state.numbers[term] {
                    number = known
                } else {
                    number = UInt32(state.terms.count)
                    state.terms.append(term)
                    state.numbers[term] = number
                }
                packed.append(number << 6 | UInt32(weight & 63))
            }
            if let key, state.entries.updateValue(packed, forKey: key) == nil { state.added.append(key) }
            return packed
        }
    }

    /// Every term by number.
    var table: [String] { state.withLock { $0.terms } }

    /// The packed terms (`number << 6 | weight`) kept for a file with content hash `digest` (as `fileDigest`
    /// spells it), nil when none are.
    func packedTerms(forDigest digest: String) -> [UInt32]? { state.withLock { $0.entries[digest] } }

    /// The packed terms of a brief as its file is now, nil when they are not kept.
    func packedTerms(of brief: Brief) -> [UInt32]? { fileDigest(brief.location.file).flatMap(packedTerms(forDigest:)) }

    /// What the build stores: the signature, the terms, and the entries of this build's briefs (`files`: the
    /// others belong to files that changed or went away), with what was
    /// added since loading (terms from `newTermsFrom` on, and the keys of new entries) for a store that appends.
    public struct Snapshot: Sendable {
        public var signature: Signature?
        public var terms: [String]
        /// The keys of this build's briefs' entries.
        public var used: Set<String>
        public var newTermsFrom: Int
        public var newEntries: [(key: String, terms: [UInt32])]
        fileprivate var all: [String: [UInt32]]

        /// The entries of this build's briefs, keys ascending: listed only for a store that rewrites the file,
        /// since after an edit a store appends the few new ones.
        public var entries: [(key: String, terms: [UInt32])] { used.sorted().compactMap { key in all[key].map { (key, $0) } } }
    }

    public func snapshot(files: [String]) -> Snapshot {
        // Worked out here, off the build's path, rather than noted as each brief's terms are looked up.
        let used = Set(files.compactMap(fileDigest))
        return state.withLock { state in
            Snapshot(
                signature: state.signature, terms: state.terms, used: used, newTermsFrom: state.loadedTerms,
                newEntries: state.added.sorted().compactMap { key in state.entries[key].map { (key, $0) } }, all: state.entries)
        }
    }
}
