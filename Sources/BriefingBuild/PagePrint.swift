/// What a build learns about one output from its inputs: its fingerprint, the digest of each context part
/// (for `--explain`), and the Markdown bodies its context holds.
struct PagePrint: Sendable, Equatable {
    var fingerprint: Fingerprint
    var parts = ContextParts(text: "")
    var bodies: [String] = []

    init(fingerprint: Fingerprint, parts: ContextParts = ContextParts(text: ""), bodies: [String] = []) {
        self.fingerprint = fingerprint
        self.parts = parts
        self.bodies = bodies
    }

    /// As the last build recorded it.
    init(_ recorded: BuildManifest.Output) {
        self.init(fingerprint: recorded.fingerprint, parts: recorded.parts, bodies: recorded.bodies)
    }
}
