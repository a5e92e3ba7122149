import Testing
@testable import BriefingCore

@Suite struct NameSuggestionTests {
    @Test func suggestsTheClosestNameWhenItLooksLikeATypo() {
        #expect(NameSuggestion.closest(to: "nvdia", among: ["nvidia", "intel", "amd"]) == "nvidia")
        #expect(NameSuggestion.closest(to: "ai-chip", among: ["ai-models", "ai-chips"]) == "ai-chips")
        #expect(NameSuggestion.closest(to: "Topic", among: ["topics", "title"]) == "topics")
        #expect(NameSuggestion.closest(to: "robots", among: ["ai-chips", "export-controls"]) == nil)
        #expect(NameSuggestion.closest(to: "x", among: [String]()) == nil)
    }

    @Test func aFixNamesTheSuggestionOrTheKnownNames() {
        #expect(NameSuggestion.fix(for: "nvdia", among: ["nvidia"], otherwise: "create it") == "did you mean `nvidia`? Otherwise create it")
        #expect(NameSuggestion.fix(for: "zzz", among: ["b", "a"], otherwise: "create it") == "create it (known: a, b)")
        #expect(NameSuggestion.fix(for: "zzz", among: [], otherwise: "create it") == "create it")
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        func distance(_ a: String, _ b: String) -> Int {
            NameSuggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 10)
        }
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3)
        #expect(distance("abc", "abc") == 0)
        #expect(NameSuggestion.editDistance(Array("aaaaaa".unicodeScalars), Array("bbbbbb".unicodeScalars), limit: 2) == 3)
    }
}
