/// Keeps a build's values alive for the rest of the process, for one-shot commands that exit right after.
///
/// Freeing tens of thousands of briefs, pages and records one by one took a tenth of an edit build's wall
/// time, for memory the operating system takes back at exit anyway: the same trade as clang's `-disable-free`.
enum ExitWithoutFreeing {
    private final class Kept: @unchecked Sendable {
        // Never read: holding the values is the point, and nothing mutates them.
        let values: Any
        init(_ values: Any) { self.values = values }
    }

    static func keep(_ values: Any) {
        _ = Unmanaged.passRetained(Kept(values))
    }
}
