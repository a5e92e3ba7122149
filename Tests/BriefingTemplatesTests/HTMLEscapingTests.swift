import BriefingTemplates
import Testing

/// The escaper checks 8 bytes at a time; these tests put every kind of character at every position
/// of a word and compare with a plain, obviously correct escaper.
@Suite struct HTMLEscapingTests {
    private static let library: TemplateLibrary? = try? TemplateLibrary(sources: ["v": "{{v}}", "raw": "{{{v}}}"])

    private func escapeSlowly(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    @Test func everyCharacterAtEveryPosition() throws {
        let library = try #require(Self.library)
        // Near misses of the bit tricks too: % ' ( are 0x25-0x28, ; = ? are 0x3B 0x3D 0x3F, and bytes with the high bit set.
        let specials: [Character] = ["&", "<", ">", "\"", "'", "%", "(", ";", "=", "?", "!", "#", "é", "€", "\t"]
        for length in 0...20 {
            for position in 0..<max(length, 1) {
                for special in specials {
                    var characters = Array(repeating: Character("a"), count: length)
                    if length > 0 { characters[position] = special }
                    let text = String(characters)
                    #expect(try library.renderString("v", ["v": .string(text)]) == escapeSlowly(text), "\(text)")
                }
            }
        }
    }

    @Test func pseudoRandomText() throws {
        let library = try #require(Self.library)
        let alphabet = Array("ab &<>\"'xyz0123;=?%é—\n".unicodeScalars)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(seed >> 58) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            let string = String(text)
            #expect(try library.renderString("v", ["v": .string(string)]) == escapeSlowly(string))
            #expect(try library.renderString("raw", ["v": .string(string)]) == string)
        }
    }

    @Test func largeOutputGrowsTheBuffer() throws {
        let library = try TemplateLibrary(sources: ["list": "{{#items}}<li>{{.}} & {{.}}</li>\n{{/items}}"])
        let items = (0..<20_000).map { TemplateValue.string("item \($0) <\($0)>") }
        let output = try library.renderString("list", ["items": .list(items)])
        let expected = (0..<20_000).map { "<li>item \($0) &lt;\($0)&gt; & item \($0) &lt;\($0)&gt;</li>\n" }.joined()
        #expect(output == expected)
    }
}
