import Foundation
import Testing
@testable import BriefingRender

@Suite struct JSONTextTests {
    static let hostile = [
        "plain ascii", "", "</script><script>alert(1)</script>", "quote \" and \\ backslash", "tab\tnew\nline\r\u{1}",
        "a \"\u{301} quote under a combining mark", "line\u{2028}and\u{2029}paragraph", "Zhīpǔ 华为 & <b>", "\u{E2}\u{80}",
        "emoji 👩🏽‍💻 \"", "ends with <", "curly ’ quote… and “marks”", "\u{2028}", "‘\u{2029}’",
    ]

    @Test func everyStringSurvivesARealJSONParserAndLeavesNoHTMLSignificantCharacter() throws {
        for text in Self.hostile {
            let json = JSONText.array([.string(text)]).text
            #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"), "\(json)")
            #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}"))
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            #expect(parsed == [text], "\(text.debugDescription) came back as \(String(describing: parsed))")
        }
    }

    @Test func escapesAreTheShortForms() {
        #expect(JSONText.string("a\"b\\c\n<").text == #""a\"b\\c\n\u003c""#)
        #expect(JSONText.string("x\u{2028}y").text == #""x\u2028y""#)
    }

    /// What justifies writing the search postings `.unescaped`: no character of their alphabet is ever escaped.
    @Test func thePostingsAlphabetNeedsNoEscape() {
        let alphabet = String(decoding: SearchPostings.alphabet, as: UTF8.self)
        #expect(JSONText.string(alphabet).text == JSONText.unescaped(alphabet).text)
        let postings = SearchPostings.encode([(3, 63), (40, 1), (100_000, 17)])
        #expect(JSONText.string(postings).text == "\"" + postings + "\"")
        #expect(JSONText.unescaped(postings).text == JSONText.string(postings).text)
    }
}
