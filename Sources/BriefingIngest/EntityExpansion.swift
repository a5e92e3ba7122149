import CLibXML2

/// Expands `&name;` as the document's own DTD declares it, the way an XML processor substituting entities
/// would, but with a bound: an entity bomb (billion laughs, a quadratic blow-up) spends the budget and
/// expands to nothing more. External entities are never read; undeclared HTML names (`&nbsp;` in an
/// RSS 0.91 feed whose DTD is never loaded) are decoded.
struct EntityExpansion {
    /// Characters entities may add to one text, in all: far beyond any real guid or title.
    static let budget = 64 * 1024
    /// Entities within entities, deeper than any real document nests them.
    static let maximumDepth = 8

    private(set) var remaining = EntityExpansion.budget

    /// The text `&name;` stands for, or nil when it is external, unknown, or over the budget.
    mutating func expand(_ name: String, in document: xmlDocPtr?, depth: Int) -> String? {
        guard depth < Self.maximumDepth, remaining > 0 else { return nil }
        guard let entity = xmlGetDocEntity(document, name) else {
            return htmlEntityLookup(name).flatMap { Unicode.Scalar($0.pointee.value) }.map { String($0) }
        }
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY || entity.pointee.etype == XML_INTERNAL_PREDEFINED_ENTITY,
              let content = entity.pointee.content else { return nil }
        let expanded = replacementText(String(cString: content), in: document, depth: depth)
        guard expanded.utf8.count <= remaining else {
            remaining = 0
            return nil
        }
        remaining -= expanded.utf8.count
        return expanded
    }

    /// An entity's replacement text as character data: references inside it expanded in turn, markup dropped.
    private mutating func replacementText(_ text: String, in document: xmlDocPtr?, depth: Int) -> String {
        guard text.contains("&") || text.contains("<") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let close = text[index...].firstIndex(of: ">") {
                index = text.index(after: close)
                continue
            }
            if character == "&", let semicolon = text[index...].firstIndex(of: ";") {
                let reference = String(text[index...semicolon])
                if let decoded = FeedText.decodedCharacterReference(reference) {
                    result.append(decoded)
                } else if let expanded = expand(String(reference.dropFirst().dropLast()), in: document, depth: depth + 1) {
                    result += expanded
                }
                index = text.index(after: semicolon)
                continue
            }
            result.append(character)
            index = text.index(after: index)
        }
        return result
    }
}
