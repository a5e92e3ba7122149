import Foundation

/// A link found in a page: the attribute's value as a browser reads it (entities decoded), and where it stands.
struct ScannedLink: Sendable, Equatable {
    var url: String
    var line: Int
    var column: Int
}

/// What the link checker needs from one built page: its links, the anchors it offers, and its `<base href>`.
struct ScannedPage: Sendable {
    var links: [ScannedLink] = []
    /// Every `id`, and every `name` of an `<a>`: what a `#fragment` may point at.
    var anchors: Set<String> = []
    var base: String?
}

/// Reads the tags of an HTML or XML file for link attributes and anchors, without building a tree.
///
/// A tokenizer rather than a parser: the pages are our own generated HTML, so tags, quoted attributes,
/// comments, CDATA and raw-text elements are all it has to tell apart, and it can say exactly which line
/// and column each link is on (libxml2 keeps only an element's line).
enum HTMLScanner {
    /// Attributes that hold one URL.
    private static let linkAttributes: Set<String> = ["href", "src", "poster"]
    private static let interestingAttributes: Set<String> = linkAttributes.union(["id", "name", "srcset"])
    /// Elements whose content is text up to their end tag, never markup.
    private static let rawTextElements: Set<String> = ["script", "style", "textarea", "title"]

    static func scan(_ bytes: [UInt8]) -> ScannedPage {
        bytes.withUnsafeBufferPointer { scan(buffer: $0) }
    }

    private static func scan(buffer bytes: UnsafeBufferPointer<UInt8>) -> ScannedPage {
        var page = ScannedPage()
        var found: [(url: String, offset: Int)] = []
        let count = bytes.count
        var index = 0
        while index < count {
            // memchr skips text a byte at a time far faster than a Swift loop, even unoptimised.
            guard let tagStart = next(UInt8(ascii: "<"), in: bytes, from: index) else { break }
            index = tagStart
            guard index + 1 < count else { break }
            let next = bytes[index + 1]
            if matches(bytes, "<!--", at: index) {
                index = end(of: "-->", in: bytes, from: index + 4)
            } else if matches(bytes, "<![CDATA[", at: index) {
                index = end(of: "]]>", in: bytes, from: index + 9)
            } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                index = end(of: ">", in: bytes, from: index + 2)
            } else if isLetter(next) {
                var tag = Tag(name: "", position: index + 1)
                index = readTag(bytes, into: &tag)
                for attribute in tag.attributes {
                    record(attribute, of: tag.name, into: &page, found: &found)
                }
                if rawTextElements.contains(tag.name), !tag.selfClosing {
                    index = startOfEndTag(tag.name, in: bytes, from: index)
                }
            } else {
                index += 1
            }
        }
        let positions = LineTable(bytes).positions(of: found.map(\.offset), in: bytes)
        page.links = zip(found, positions).map { ScannedLink(url: $0.url, line: $1.line, column: $1.column) }
        return page
    }

    private struct Tag {
        var name: String
        var position: Int
        var attributes: [(name: String, value: String, offset: Int)] = []
        var selfClosing = false
    }

    /// Reads a start tag from just after its `<`; returns the index after its `>`.
    private static func readTag(_ bytes: UnsafeBufferPointer<UInt8>, into tag: inout Tag) -> Int {
        let count = bytes.count
        var index = tag.position
        let nameStart = index
        while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
        tag.name = lowercased(bytes[nameStart..<index])
        while index < count {
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count else { break }
            if bytes[index] == UInt8(ascii: ">") { return index + 1 }
            if bytes[index] == UInt8(ascii: "/") {
                tag.selfClosing = index + 1 < count && bytes[index + 1] == UInt8(ascii: ">")
                index += 1
                continue
            }
            let attributeStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                  !(bytes[index] == UInt8(ascii: "/") && index + 1 < count && bytes[index + 1] == UInt8(ascii: ">")) { index += 1 }
            // Only the few attributes the checker reads are turned into strings: most are class, rel, aria-….
            let nameLength = index - attributeStart
            let name = (2...6).contains(nameLength) ? lowercased(bytes[attributeStart..<index]) : ""
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count else { break }
            let valueStart: Int
            let valueEnd: Int
            if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                valueStart = index + 1
                var end = valueStart
                while end < count, bytes[end] != quote { end += 1 }
                valueEnd = end
                index = min(count, end + 1)
            } else {
                valueStart = index
                while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                valueEnd = index
            }
            if interestingAttributes.contains(name) {
                tag.attributes.append((name, decoded(bytes[valueStart..<valueEnd]), valueStart))
            }
        }
        return count
    }

    private static func record(
        _ attribute: (name: String, value: String, offset: Int), of tag: String, into page: inout ScannedPage,
        found: inout [(url: String, offset: Int)]
    ) {
        switch attribute.name {
        case "id":
            page.anchors.insert(attribute.value)
        case "name" where tag == "a":
            page.anchors.insert(attribute.value)
        case "href" where tag == "base":
            page.base = attribute.value
        case "srcset":
            // `a.jpg 1x, b.jpg 2x`: each candidate's URL is its first word.
            for candidate in attribute.value.split(separator: ",") {
                if let url = candidate.split(whereSeparator: \.isWhitespace).first {
                    found.append((String(url), attribute.offset))
                }
            }
        case let name where linkAttributes.contains(name):
            found.append((attribute.value, attribute.offset))
        default:
            break
        }
    }

    /// The index of `</name` (any case) from `start`, or the end of the input.
    private static func startOfEndTag(_ name: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let pattern = Array(("</" + name).utf8)
        var index = start
        while let found = next(UInt8(ascii: "<"), in: bytes, from: index), found + pattern.count <= bytes.count {
            if zip(pattern, bytes[found..<(found + pattern.count)]).allSatisfy({ $0 == ($1 | 0x20) || $0 == $1 }) { return found }
            index = found + 1
        }
        return bytes.count
    }

    /// The index of the next `byte` from `start`, by memchr.
    static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count, let found = memchr(base + start, Int32(byte), bytes.count - start) else {
            return nil
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index just after the first `terminator` from `start`, or the end of the input.
    private static func end(of terminator: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let pattern = UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount)
        var index = start
        while let found = next(pattern[0], in: bytes, from: index) {
            if matches(bytes, terminator, at: found) { return found + pattern.count }
            index = found + 1
        }
        return bytes.count
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString, at index: Int) -> Bool {
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func lowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let buffer = UnsafeBufferPointer(rebasing: bytes)
        guard buffer.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            return String(decoding: buffer, as: UTF8.self)
        }
        return String(decoding: buffer.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// An attribute value as the browser sees it: character references and the common named entities decoded.
    static func decoded(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let buffer = UnsafeBufferPointer(rebasing: bytes)
        let text = String(decoding: buffer, as: UTF8.self)
        return next(UInt8(ascii: "&"), in: buffer, from: 0) == nil ? text : decodedEntities(text)
    }

    static func decodedEntities(_ text: String) -> String {
        let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest[afterAmpersand...]
                continue
            }
            let name = rest[afterAmpersand..<semicolon]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[name]
            }
            if let replacement {
                result += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return result + rest
    }
}

/// Where each line of a file starts, to turn byte offsets into a line and a column (in characters).
struct LineTable {
    private var starts: [Int] = [0]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while let newline = HTMLScanner.next(0x0A, in: bytes, from: index) {
            starts.append(newline + 1)
            index = newline + 1
        }
    }

    /// Positions of ascending offsets, in one pass: generated pages put many links on one long line.
    func positions(of offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [(line: Int, column: Int)] {
        var result: [(line: Int, column: Int)] = []
        result.reserveCapacity(offsets.count)
        var line = 0
        var counted = 0
        var column = 1
        for offset in offsets {
            while line + 1 < starts.count, starts[line + 1] <= offset {
                line += 1
                counted = starts[line]
                column = 1
            }
            if offset < counted {
                // Not ascending after all: count this line from its start.
                (counted, column) = (starts[line], 1)
            }
            var index = counted
            while index < offset, index < bytes.count {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            counted = index
            result.append((line + 1, column))
        }
        return result
    }
}
