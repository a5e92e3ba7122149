import Testing
@testable import BriefingCore

@Suite struct SlugTests {
    @Test func derivesLowerCaseHyphenatedASCII() {
        #expect(Slug(deriving: "Alibaba’s trillion-parameter AI model challenges OpenAI").rawValue
            == "alibabas-trillion-parameter-ai-model-challenges-openai")
        #expect(Slug(deriving: "  Nvidia: H20 -- paused!  ").rawValue == "nvidia-h20-paused")
        #expect(Slug(deriving: "Café Zürich").rawValue == "cafe-zurich")
    }

    @Test func transliteratesOtherScripts() {
        let slug = Slug(deriving: "华为")
        #expect(slug.rawValue == "hua-wei")
        #expect(Slug(validating: slug.rawValue) != nil)
    }

    @Test func titlesWithNothingToTransliterateStillGetAStableDistinctSlug() {
        let first = Slug(deriving: "🚀🚀")
        #expect(first.rawValue.hasPrefix("item-"))
        #expect(first == Slug(deriving: "🚀🚀"))
        #expect(first != Slug(deriving: "🚀"))
        #expect(Slug(validating: first.rawValue) != nil)
    }

    @Test func longTitlesAreCutAtAWordBoundary() {
        let slug = Slug(deriving: String(repeating: "semiconductor ", count: 20))
        #expect(slug.rawValue.count <= 60)
        #expect(!slug.rawValue.hasSuffix("-"))
        #expect(slug.rawValue.hasSuffix("semiconductor"))
    }

    @Test func pathsNeverValidate() {
        for unsafe in ["../x", "a/b", "..", ".", "", "Upper", "-lead", "trail-", "a--b", "a b", "a_b", "%2e%2e", String(repeating: "a", count: 81)] {
            #expect(Slug(validating: unsafe) == nil, "\(unsafe) must be rejected")
        }
        #expect(Slug(deriving: "../../etc/passwd").rawValue == "etc-passwd")
    }
}
