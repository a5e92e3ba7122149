import BriefingCore
import BriefingRender
import BriefingTemplates

/// Fingerprints planned pages: each page's context — with Markdown bodies standing as their source, not HTML —
/// hashed with the text of every template the page uses. Whatever a page shows is in its context, so the
/// fingerprint cannot miss a dependency. It also records what each context read (`PageReads`), so that after an
/// edit a build can fingerprint only the pages whose reads changed.
struct PageFingerprinter: Sendable {
    private let site: Site
    private let inputs: SiteInputs
    private let templateDigests: [String: Fingerprint]

    init(site: Site, plan: PagePlan, theme: Theme, inputs: SiteInputs) {
        self.site = site
        self.inputs = inputs
        var digests: [String: Fingerprint] = [:]
        for name in Set(plan.pages.map(\.template)) {
            var hasher = FingerprintHasher()
            for dependency in theme.templates.dependencies(of: name) {
                hasher.add(dependency)
                hasher.add(theme.sources[dependency] ?? "")
            }
            digests[name] = hasher.finish()
        }
        templateDigests = digests
    }

    /// The page's fingerprint, a digest of each part of its context so a rebuild can say what changed,
    /// and the Markdown bodies its context holds.
    func fingerprint(_ page: PlannedPage) -> PageFingerprint {
        // Reads are recorded per page, so each page gets its own recorders.
        let inputs = inputs
        let bodies = MarkdownBodies(mode: .fingerprint, allowRawHTML: site.config.allowRawHTML) { inputs.files[$0]?.hash.hex }
        let reads = PageReads()
        var total = FingerprintHasher()
        let template = templateDigests[page.template] ?? Fingerprint.of([])
        total.add(page.template)
        total.add(template)
        var parts = ["template": String(template.hex.prefix(12))]
        if case .object(let fields) = page.context(from: PageContexts(site: site, bodies: bodies, reads: reads)) {
            for key in fields.keys.sorted() {
                var hasher = FingerprintHasher()
                if let value = fields[key] { hasher.add(value) }
                let digest = hasher.finish()
                total.add(key)
                total.add(digest)
                parts[key] = String(digest.hex.prefix(12))
            }
        }
        var digests: [String: Fingerprint] = [:]
        for (read, briefs) in reads.listed {
            var hasher = FingerprintHasher()
            SiteRead.value(listing: briefs, into: &hasher)
            digests[read.key] = hasher.finish()
        }
        return PageFingerprint(
            fingerprint: total.finish(), parts: ContextDigests(parts), bodies: bodies.bodiesRead, reads: reads.noted, digests: digests)
    }
}
