import BriefingCore
import Synchronization

/// What one page's context read (`SiteRead`), noted while it is built, so a build can tell which
/// pages an edit can change without building every context again.
public final class PageReads: Sendable {
    // Reads rather than their keys: a read shares its slug's storage with the brief, while a key string of its
    // own for each of millions of reads held hundreds of megabytes at 100,000 briefs.
    private let reads = Mutex<Set<SiteRead>>([])
    private let lists = Mutex<[SiteRead: [Slug]]>([:])

    public init() {}

    func note(_ read: SiteRead) {
        reads.withLock { _ = $0.insert(read) }
    }

    /// Notes a query read together with the briefs its value lists (`SiteRead.value`), where the page worked them
    /// out anyway: a build then need not work them out again to digest it (related briefs, for every brief page).
    func note(_ read: SiteRead, listing briefs: [Slug]) {
        note(read)
        lists.withLock { $0[read] = briefs }
    }

    /// Every read noted.
    public var noted: [SiteRead] { reads.withLock { Array($0) } }

    /// The reads noted with their value's briefs, and those briefs.
    public var listed: [(read: SiteRead, briefs: [Slug])] { lists.withLock { $0.map { ($0.key, $0.value) } } }
}
