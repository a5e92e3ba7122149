import CMark
import Foundation

/// Converts Markdown to HTML with cmark (CommonMark).
public struct Markdown: Sendable {
    /// When false, raw HTML in the Markdown is replaced by a comment and `javascript:` links are dropped.
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) { self.allowRawHTML = allowRawHTML }

    public func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        var utf8 = Array(markdown.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer -> String in
            guard let rendered = buffer.baseAddress.flatMap({ base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_markdown_to_html($0, buffer.count, options) }
            }) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }
}
