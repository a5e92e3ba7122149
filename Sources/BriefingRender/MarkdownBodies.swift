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
    public enum Kind: String, Sendable {
        case brief, topic, company
    }

    public let mode: Mode
    private let markdown: Markdown
    private let converted = Mutex<[String: String]>([:])
    private let reads = Mutex<Set<String>>([])

    public init(mode: Mode, allowRawHTML: Bool) {
        self.mode = mode
        markdown = Markdown(allowRawHTML: allowRawHTML)
    }

    /// The body's key as `bodiesRead` lists it: `brief/<slug>`.
    public static func key(_ kind: Kind, _ slug: Slug) -> String { kind.rawValue + "/" + slug.rawValue }

    /// Every body handed out in `.fingerprint` mode, sorted.
    public var bodiesRead: [String] { reads.withLock { $0.sorted() } }

    public func html(_ kind: Kind, _ slug: Slug, source: String) -> String {
        let key = MarkdownBodies.key(kind, slug)
        switch mode {
        case .fingerprint:
            reads.withLock { _ = $0.insert(key) }
            return "markdown rawHTML=\(markdown.allowRawHTML)\n" + source
        case .html:
            if let done = converted.withLock({ $0[key] }) { return done }
            let html = markdown.html(source)
            converted.withLock { $0[key] = html }
            return html
        }
    }
}
