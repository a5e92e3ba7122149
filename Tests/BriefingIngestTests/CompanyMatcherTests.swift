import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

private func company(_ slug: String, _ name: String, _ aliases: [String] = []) -> Company {
    Company(
        slug: Slug(validating: slug) ?? Slug(deriving: slug), name: name, aliases: aliases,
        location: ContentLocation(file: "content/companies/\(slug).md"))
}

private let registry = [
    company("alibaba", "Alibaba", ["Alibaba Group", "Alibaba Group Holding", "T-Head", "Qwen"]),
    company("huawei", "Huawei", ["Huawei Technologies", "Ascend", "Kirin"]),
    company("sk-hynix", "SK Hynix", ["SK hynix", "Hynix"]),
    company("nvidia", "Nvidia", ["NVIDIA", "CUDA"]),
    company("openai", "OpenAI", ["ChatGPT", "GPT-4.5", "GPT-5"]),
    company("intel", "Intel", ["Xeon"]),
    company("samsung", "Samsung Electronics", ["Samsung"]),
    company("tencent", "Tencent", ["WeChat"]),
]

/// The site's own registry, read from content/companies next to the package.
private func siteCompanies() throws -> [Company] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("content/companies")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
    return try files.map { name in
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var fields = try FrontMatter.parse(text, file: name).fields
        let companyName = fields.string("name")
        return company(String(name.dropLast(3)), try #require(companyName), fields.strings("aliases"))
    }
}

private func seed(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures/seeds"))
    return try String(contentsOf: url, encoding: .utf8)
}

private func fullText(_ item: SourceItem) -> String {
    ([item.title ?? "", item.blurb ?? ""] + item.paragraphs + item.keyPoints).joined(separator: "\n")
}

@Suite struct CompanyMatcherTests {
    let matcher = CompanyMatcher(companies: registry)

    @Test(arguments: [
        ("SK Hynix supplies HBM.", ["sk-hynix"]),
        ("SK hynix supplies HBM.", ["sk-hynix"]),
        ("sk hynix supplies HBM.", ["sk-hynix"]),
        ("Alibaba Group Holding has unveiled a model.", ["alibaba"]),
        ("Chips from T\u{2011}Head and T\u{2013}Head and T-Head.", ["alibaba"]),
        ("Nvidia's chips and Nvidia\u{2019}s software.", ["nvidia"]),
        ("NVIDIA shares fell.", ["nvidia"]),
        ("Huawei's Ascend and Kirin chips.", ["huawei"]),
        ("The Ascend 910C ships in 2026.", ["huawei"]),
        ("Prices ascend as demand grows.", []),
        ("OpenAI's GPT-4.5 and gpt-5 models.", ["openai"]),
        ("Qwen3 models and JD.com sales and Intelligence agencies.", []),
        ("A Nvidia-made chip.", ["nvidia"]),
        ("Tencent, then Samsung, then Tencent again, then WeChat.", ["tencent", "samsung"]),
        ("", []),
    ])
    func findsCompanies(text: String, expected: [String]) {
        #expect(matcher.companies(in: text).map(\.rawValue) == expected, "\(text)")
    }

    @Test func caseRule() {
        #expect(CompanyMatcher.caseRule(for: "SK Hynix") == .insensitive)
        #expect(CompanyMatcher.caseRule(for: "ByteDance") == .insensitive)
        #expect(CompanyMatcher.caseRule(for: "GPT-5") == .insensitive)
        #expect(CompanyMatcher.caseRule(for: "Ascend") == .exactFirstLetter)
        #expect(CompanyMatcher.caseRule(for: "Nvidia") == .exactFirstLetter)
    }

    @Test func mentionCountsPreferTheLongestName() {
        let counts = matcher.mentionCounts(in: "Alibaba Group Holding and Alibaba; Samsung Electronics and Samsung.")
        #expect(counts == [Slug(validating: "alibaba")!: 2, Slug(validating: "samsung")!: 2])
    }

    @Test func unmatchedNamesListsOrganisationsItDoesNotKnow() {
        let text = "Chinese regulators including the Cyberspace Administration of China (CAC) and MIIT summoned Nvidia\u{2019}s staff in September. The CAC declined to comment on Monday."
        #expect(matcher.unmatchedNames(in: text) == ["Cyberspace Administration of China": 1, "CAC": 2, "MIIT": 1])
    }

    @Test func unmatchedNamesSkipsCommonWordsPlacesCodesAndKnownNames() {
        let text = """
            However, Beijing and Washington disagree. In August\u{2013}September the US-China talks stalled. \
            AI-powered GPUs like the H20 sold. Alibaba Group Holding and SK Hynix grew. Reuters reported it. \
            Analysts at Bain Capital said DeepX and TechInsights matter.
            """
        let names = matcher.unmatchedNames(in: text)
        #expect(names == ["Bain Capital": 1, "DeepX": 1, "TechInsights": 1])
    }

    @Test func siteRegistryFindsEveryCompanyOfTheFirstDigestCluster() throws {
        let matcher = CompanyMatcher(companies: try siteCompanies())
        let cluster = try #require(try DigestParser.parse(try seed("003_3d2181f76b2227e1"), file: "003.txt").items.first)
        let found = matcher.companies(in: fullText(cluster)).map(\.rawValue)
        // Amkor ("packaging partners (Amkor)") joined the registry when ingest opened it.
        let expected = ["nvidia", "alibaba", "bytedance", "tencent", "baidu", "huawei", "cambricon", "tsmc", "samsung", "amkor"]
        #expect(Set(found) == Set(expected))
        #expect(found.first == "nvidia")
        let names = matcher.unmatchedNames(in: fullText(cluster))
        #expect(names["CAC"] == 1 && names["MIIT"] == 1 && names["Cyberspace Administration of China"] == 1)
        #expect(names["Nvidia"] == nil && names["TSMC"] == nil)
    }

    @Test func siteRegistryOnTheAlibabaStory() throws {
        let matcher = CompanyMatcher(companies: try siteCompanies())
        let item = try #require(try FlattenedFeedParser.parse(try seed("000_07024ab90085ba65"), file: "000.txt").items.first)
        #expect(matcher.companies(in: fullText(item)).map(\.rawValue) == ["alibaba", "openai", "google", "anthropic", "deepseek"])
    }

}
