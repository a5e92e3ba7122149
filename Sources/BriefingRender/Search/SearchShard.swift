/// One file of the index: the terms that begin with `key` and are not in a shard with a longer key.
///
/// Shards come from a trie: a prefix whose terms take more than the limit hands its largest groups (by next
/// character) to shards of their own, until what is left fits. A term's shard is the one with the longest key
/// that begins it, which the browser finds from the list of keys alone. The split of a prefix depends only on
/// the terms under it, so an edit moves shard boundaries, when it moves any, only below the terms it touched.
public struct SearchShard: Sendable, Equatable {
    public var key: String
    /// Ascending by UTF-8 bytes (code point order, as the browser compares them).
    public var terms: [String]
    /// Bytes of term and postings text: about the size of the file.
    public var size: Int

    /// The file's name without extension: `t` and the key, ASCII letters and digits as they are, any other byte as
    /// `_` and two hex digits (search.js spells it the same way).
    public var fileName: String { SearchShard.fileName(key) }

    public static func fileName(_ key: String) -> String {
        var name = "t"
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                name += "_" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return name
    }

    /// The key a file name (`fileName`) spells, nil for a name `fileName` does not make.
    public static func key(fileName name: String) -> String? {
        var bytes = Array(name.utf8)[...]
        guard bytes.popFirst() == UInt8(ascii: "t") else { return nil }
        var key: [UInt8] = []
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "_") else {
                key.append(byte)
                continue
            }
            guard bytes.count >= 2, let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) else { return nil }
            key.append(value)
            bytes = bytes.dropFirst(2)
        }
        guard let text = String(validating: key, as: UTF8.self), fileName(text) == name else { return nil }
        return text
    }

    /// Every shard for `terms` (ascending, each with the size of its postings text), keys ascending.
    static func split(_ terms: [(term: String, size: Int)], limit: Int) -> [SearchShard] {
        let entries = terms.map { Entry(term: $0.term, scalars: Array($0.term.unicodeScalars), size: $0.term.utf8.count + $0.size + 4) }
        return split(prefix: [], entries[...], limit: limit).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private struct Entry {
        var term: String
        var scalars: [Unicode.Scalar]
        var size: Int
    }

    private static func split(prefix: [Unicode.Scalar], _ entries: ArraySlice<Entry>, limit: Int) -> [SearchShard] {
        let total = entries.reduce(0) { $0 + $1.size }
        let key = String(String.UnicodeScalarView(prefix))
        guard total > limit else { return entries.isEmpty ? [] : [shard(key, entries)] }
        // Terms under the prefix, grouped by their next character; the prefix itself, if a term, stays here.
        var groups: [(next: Unicode.Scalar, entries: ArraySlice<Entry>, size: Int)] = []
        var start = entries.startIndex
        while start < entries.endIndex, entries[start].scalars.count == prefix.count { start += 1 }
        let exact = entries[entries.startIndex..<start]
        while start < entries.endIndex {
            let next = entries[start].scalars[prefix.count]
            var end = start
            var size = 0
            while end < entries.endIndex, entries[end].scalars[prefix.count] == next {
                size += entries[end].size
                end += 1
            }
            groups.append((next, entries[start..<end], size))
            start = end
        }
        // The largest groups leave first (ties by character), until what stays fits.
        var remaining = total
        var leaving = Set<Unicode.Scalar>()
        for group in groups.sorted(by: { ($0.size, $1.next.value) > ($1.size, $0.next.value) }) where remaining > limit {
            leaving.insert(group.next)
            remaining -= group.size
        }
        var staying = Array(exact)
        var shards: [SearchShard] = []
        for group in groups {
            if leaving.contains(group.next) {
                shards += split(prefix: prefix + [group.next], group.entries, limit: limit)
            } else {
                staying += group.entries
            }
        }
        if !staying.isEmpty { shards.append(shard(key, staying[...])) }
        return shards
    }

    private static func shard(_ key: String, _ entries: ArraySlice<Entry>) -> SearchShard {
        SearchShard(key: key, terms: entries.map(\.term), size: entries.reduce(0) { $0 + $1.size })
    }
}

extension SearchShard {
    /// A set of shard keys, looked up as the browser does: a term's shard is the longest key that begins it.
    struct Keys {
        let keys: Set<String>

        init(_ keys: some Sequence<String>) { self.keys = Set(keys) }

        func shard(holding term: String) -> String? { longest(prefixOf: Array(term.unicodeScalars), upTo: nil) }

        /// The longest key that begins `key` and is shorter.
        func shard(below key: String) -> String? {
            let scalars = Array(key.unicodeScalars)
            return scalars.isEmpty ? nil : longest(prefixOf: scalars, upTo: scalars.count - 1)
        }

        private func longest(prefixOf scalars: [Unicode.Scalar], upTo limit: Int?) -> String? {
            for length in (0...(limit ?? scalars.count)).reversed() {
                let prefix = String(String.UnicodeScalarView(scalars[..<length]))
                if keys.contains(prefix) { return prefix }
            }
            return nil
        }
    }
}
