import BriefingCore

/// The site as a build loaded it, and how: which files came from the parse cache, so the build can save the
/// cache and know which files it actually read.
struct LoadedContent: Sendable {
    let site: Site
    /// The content files taken from the parse cache rather than parsed.
    let reused: ParsedContent
    let cache: ContentCache?
    /// The parser (the binary) that the cache's records must come from.
    let parser: Fingerprint
}
