import Synchronization

/// The keys of what one page's context read (`SiteRead.key`), noted while it is built, so a build can tell which
/// pages an edit can change without building every context again.
public final class PageReads: Sendable {
    private let keys = Mutex<Set<String>>([])

    public init() {}

    func note(_ read: SiteRead) {
        let key = read.key
        keys.withLock { _ = $0.insert(key) }
    }

    /// Every key noted, sorted.
    public var noted: [String] { keys.withLock { $0.sorted() } }
}
