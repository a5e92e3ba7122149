/// A start tag found in HTML or XML text: its name (lower-cased) and attributes (names lower-cased, values
/// with the common entities decoded). Enough for `<link>` and `<outline>`, with no parser or DOM to trust.
public struct MarkupTag: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]

    /// Every start tag in `text`, in order, skipping comments, CDATA and declarations.
    public static func all(in text: String) -> [MarkupTag] {
        var tags: [MarkupTag] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func starts(_ prefix: String, at position: Int) -> Bool {
            let wanted = Array(prefix.unicodeScalars)
            return position + wanted.count <= scalars.count && Array(scalars[position..<position + wanted.count]) == wanted
        }
        func skip(past terminator: String, from position: Int) -> Int {
            var at = position
            while at < scalars.count && !starts(terminator, at: at) { at += 1 }
            return at + terminator.unicodeScalars.count
        }
        while index < scalars.count {
            guard scalars[index] == "<" else {
                index += 1
                continue
            }
            if starts("<!--", at: index) { index = skip(past: "-->", from: index + 4); continue }
            if starts("<![CDATA[", at: index) { index = skip(past: "]]>", from: index + 9); continue }
            if starts("<!", at: index) || starts("<?", at: index) || starts("</", at: index) { index = skip(past: ">", from: index + 2); continue }
            index += 1
            var name = ""
            while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil
                    || scalars[index] == ":" || scalars[index] == "-" {
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard !name.isEmpty else { continue }
            var attributes: [String: String] = [:]
            while index < scalars.count, scalars[index] != ">" {
                if scalars[index].properties.isWhitespace || scalars[index] == "/" {
                    index += 1
                    continue
                }
                var key = ""
                while index < scalars.count, !scalars[index].properties.isWhitespace, !["=", ">", "/"].contains(scalars[index]) {
                    key.unicodeScalars.append(scalars[index])
                    index += 1
                }
                while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
                var value = ""
                if index < scalars.count, scalars[index] == "=" {
                    index += 1
                    while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
                    if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                        let quote = scalars[index]
                        index += 1
                        while index < scalars.count, scalars[index] != quote {
                            value.unicodeScalars.append(scalars[index])
                            index += 1
                        }
                        index += 1
                    } else {
                        while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">" {
                            value.unicodeScalars.append(scalars[index])
                            index += 1
                        }
                    }
                }
                if !key.isEmpty, attributes[key.lowercased()] == nil { attributes[key.lowercased()] = decodeEntities(value) }
                if key.isEmpty { index += 1 }
            }
            index += 1
            tags.append(MarkupTag(name: name.lowercased(), attributes: attributes))
        }
        return tags
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references: what URLs and titles in attributes use.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let value = named[String(entity)] {
                result += value
            } else if entity.hasPrefix("#"), let code = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                        ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&" + entity + ";"
            }
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }
}
