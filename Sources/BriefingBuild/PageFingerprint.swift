/// What a build learns about one output from its inputs: its fingerprint, the digest of each context part
/// (for `--explain`), and the keys of what its context read (Markdown bodies and `SiteRead`s).
struct PageFingerprint: Sendable, Equatable {
    var fingerprint: Fingerprint
    var parts = ContextDigests(text: "")
    var reads: [String] = []

    init(fingerprint: Fingerprint, parts: ContextDigests = ContextDigests(text: ""), reads: [String] = []) {
        self.fingerprint = fingerprint
        self.parts = parts
        self.reads = reads
    }
}
