/// What a build learns about one output from its inputs: its fingerprint, the digest of each context part
/// (for `--explain`), and the Markdown bodies its context holds.
struct PageFingerprint: Sendable, Equatable {
    var fingerprint: Fingerprint
    var parts = ContextDigests(text: "")
    var bodies: [String] = []

    init(fingerprint: Fingerprint, parts: ContextDigests = ContextDigests(text: ""), bodies: [String] = []) {
        self.fingerprint = fingerprint
        self.parts = parts
        self.bodies = bodies
    }
}
