import BriefingCore

/// The id of a story with neither guid nor link: a 64-bit FNV-1a hash of its title and text, named as such.
enum ContentHashID {
    static let prefix = "fnv1a:"
    /// How ingest spelt these ids before the prefix named the hash; briefs written then keep their ids.
    static let legacyPrefix = "sha:"

    static func of(title: String, text: String) -> String {
        prefix + StableHash.hex(of: title + "\n" + text)
    }

    /// The same id as earlier versions of ingest wrote it, when `id` is a content hash.
    static func legacySpelling(of id: String) -> String? {
        id.hasPrefix(prefix) ? legacyPrefix + id.dropFirst(prefix.count) : nil
    }
}
