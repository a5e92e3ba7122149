import Synchronization

/// What one page's context read (`SiteRead`), noted while it is built, so a build can tell which
/// pages an edit can change without building every context again.
public final class PageReads: Sendable {
    // Reads rather than their keys: a read shares its slug's storage with the brief, while a key string of its
    // own for each of millions of reads held hundreds of megabytes at 100,000 briefs.
    private let reads = Mutex<Set<SiteRead>>([])

    public init() {}

    func note(_ read: SiteRead) {
        reads.withLock { _ = $0.insert(read) }
    }

    /// Every read noted.
    public var noted: [SiteRead] { reads.withLock { Array($0) } }
}
