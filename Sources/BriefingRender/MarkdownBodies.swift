import BriefingCore
import Synchronization

/// Supplies the HTML of Markdown bodies to page contexts, converting each body at most once per build.
///
/// In `.fingerprint` mode it hands back the Markdown source instead: a page's fingerprint then covers
/// exactly what its HTML is made from, without paying for cmark on pages that will not be rendered.
/// It also notes which bodies were asked for, so a build knows which pages an edit to a body can change.
public final class MarkdownBodies: Sendable {
    public enum Mode: Sendable {
        case html
        case fingerprint
    }

    /// Which kind of content a body belongs to: slugs are only unique within a kind.
    public enum Kind: String, Sendable, CaseIterable {
        case brief, topic, company, story
    }

    public let mode: Mode
    /// How many bodies' HTML a build keeps for pages that show them again.
    static let keptHTML = 2_000
    private let markdown: Markdown
    private let converted = Mutex<[String: String]>([:])
    private let reads = Mutex<Set<String>>([])

    /// In `.fingerprint` mode, the content hash of a file by its site-relative path, where known: a body then
    /// stands in the fingerprint as its file's hash and offset, which determine it, so a body left in its
    /// file (see `Brief`) need not be read just to be hashed.
    private let fileDigest: (@Sendable (String) -> String?)?

    public init(mode: Mode, allowRawHTML: Bool, fileDigest: (@Sendable (String) -> String?)? = nil) {
        self.mode = mode
        markdown = Markdown(allowRawHTML: allowRawHTML)
        self.fileDigest = fileDigest
    }

    /// The body's key as `bodiesRead` lists it: `brief/<slug>`.
    public static func key(_ kind: Kind, _ slug: Slug) -> String { kind.rawValue + "/" + slug.rawValue }

    /// The key that stands for every body of a kind (`brief/*`): a page derived from all of them, like the search
    /// index's shards, which a change to any body may change.
    public static func everyBody(_ kind: Kind) -> String { kind.rawValue + "/*" }

    /// Every body handed out in `.fingerprint` mode, sorted.
    public var bodiesRead: [String] { reads.withLock { $0.sorted() } }

    /// The HTML of the body found at `location` (its file, from `bodyOffset` on), whose text is `source`.
    public func html(_ kind: Kind, _ slug: Slug, at location: ContentLocation, source: @autoclosure () -> String) -> String {
        let key = MarkdownBodies.key(kind, slug)
        switch mode {
        case .fingerprint:
            reads.withLock { _ = $0.insert(key) }
            if let digest = fileDigest?(location.file) {
                return "markdown rawHTML=\(markdown.allowRawHTML) file \(location.file) \(digest) from \(location.bodyOffset)"
            }
            return "markdown rawHTML=\(markdown.allowRawHTML)\n" + source()
        case .html:
            if let done = converted.withLock({ $0[key] }) { return done }
            let html = markdown.html(source())
            // A body shows again only in feeds, which carry the newest briefs, and pages render newest first: the
            // first few thousand bodies are the ones worth keeping. Keeping all of them held half a gigabyte at
            // 100,000 briefs.
            converted.withLock { if $0.count < MarkdownBodies.keptHTML { $0[key] = html } }
            return html
        }
    }

    /// The body's text without Markdown syntax, `plain(source)`; in `.fingerprint` mode, the same stand-in as
    /// `html` (with its own mark), and the body noted as read.
    public func plainText(
        _ kind: Kind, _ slug: Slug, at location: ContentLocation, source: @autoclosure () -> String, plain: (String) -> String
    ) -> String {
        switch mode {
        case .fingerprint:
            reads.withLock { _ = $0.insert(MarkdownBodies.key(kind, slug)) }
            if let digest = fileDigest?(location.file) {
                return "plain file \(location.file) \(digest) from \(location.bodyOffset)"
            }
            return "plain\n" + source()
        case .html:
            return plain(source())
        }
    }

    /// Notes that the page's context is derived from every body of `kind`, read by other means (the search index
    /// reads them once for all its pages), so that an edit to any of them has the page examined again.
    public func readsEveryBody(_ kind: Kind) {
        guard mode == .fingerprint else { return }
        reads.withLock { _ = $0.insert(MarkdownBodies.everyBody(kind)) }
    }
}
