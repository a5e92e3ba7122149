import BriefingRender

/// What a build learns about one output from its inputs: its fingerprint, the digest of each context part
/// (for `--explain`), and the keys of what its context read (Markdown bodies and `SiteRead`s).
struct PageFingerprint: Sendable, Equatable {
    var fingerprint: Fingerprint
    var parts = ContextDigests(text: "")
    /// The bodies it holds (`MarkdownBodies` keys).
    var bodies: [String] = []
    var reads: [SiteRead] = []
    /// The digests of query reads whose values the context worked out anyway (`PageReads.listed`), by key.
    var digests: [String: Fingerprint] = [:]

    init(
        fingerprint: Fingerprint, parts: ContextDigests = ContextDigests(text: ""), bodies: [String] = [], reads: [SiteRead] = [],
        digests: [String: Fingerprint] = [:]
    ) {
        self.fingerprint = fingerprint
        self.parts = parts
        self.bodies = bodies
        self.reads = reads
        self.digests = digests
    }
}
