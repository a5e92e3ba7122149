/// The kinds of source document ingest reads, told apart by their content, never by the file name.
public enum SourceFormat: String, Sendable, CaseIterable {
    case rss2 = "RSS 2.0"
    case rss1 = "RSS 1.0 (RDF)"
    case atom = "Atom 1.0"
    case jsonFeed = "JSON Feed 1.1"
    /// A WordPress RSS feed whose XML tags were flattened away (shared/seeds/000_…txt).
    case flattenedFeed = "flattened feed text"
    /// A digest of story clusters (shared/seeds/003_…txt).
    case digest = "story-cluster digest"
}
