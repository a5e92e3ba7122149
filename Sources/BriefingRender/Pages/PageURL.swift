/// How a page's URL maps to a file and back to the site root. Each family owns its own URLs
/// (`BriefPages.url(_:)`, `TopicPages.url(_:page:)`…); these rules hold for all of them.
public enum PageURL {
    /// Page `page` of the paged list whose first page is `first` (a folder URL): `topics/ai/page/2/`.
    public static func paged(_ first: String, page: Int) -> String { page <= 1 ? first : first + "page/\(page)/" }

    /// The file a URL is written to: pretty URLs end in `/` and become `…/index.html`.
    public static func outputPath(for url: String) -> String { url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url }

    /// The relative path from the page at `url` back to the site root: `briefs/x/` → `../../`.
    public static func root(from url: String) -> String {
        String(repeating: "../", count: url.split(separator: "/", omittingEmptySubsequences: true).count - (url.hasSuffix("/") || url.isEmpty ? 0 : 1))
    }
}
