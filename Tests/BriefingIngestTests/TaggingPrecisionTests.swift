import Foundation
import Testing
@testable import BriefingCore
@testable import BriefingIngest

/// Precision and recall of ingest's companies, topics and dated events on the hand-labelled seeds
/// (`Fixtures/tagging-labels.txt`); `swift test --filter taggingPrecisionAndRecallOnTheLabelledSeeds` prints them.
@Suite struct TaggingPrecisionTests {
    struct Label {
        var companies: [String]
        var topics: [String]
        var events: [String]
    }

    static func labels() throws -> [String: Label] {
        let url = try #require(Bundle.module.url(forResource: "tagging-labels", withExtension: "txt", subdirectory: "Fixtures"))
        var labels: [String: Label] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4 else { continue }
            func list(_ field: String, _ name: String) -> [String] {
                field.hasPrefix(name + ":") ? field.dropFirst(name.count + 1).split(separator: " ").map(String.init) : []
            }
            labels[parts[0]] = Label(companies: list(parts[1], "companies"), topics: list(parts[2], "topics"), events: list(parts[3], "events"))
        }
        return labels
    }

    /// Correct, proposed and expected, counting each item of a multiset once per occurrence.
    struct Tally {
        var correct = 0, proposed = 0, expected = 0
        mutating func add(found: [String], truth: [String]) {
            var remaining = truth
            for item in found {
                if let index = remaining.firstIndex(of: item) {
                    remaining.remove(at: index)
                    correct += 1
                }
            }
            proposed += found.count
            expected += truth.count
        }
        var precision: Double { proposed == 0 ? 1 : Double(correct) / Double(proposed) }
        var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }
        var text: String {
            "precision \(correct)/\(proposed) = \(percent(precision)) %, recall \(correct)/\(expected) = \(percent(recall)) %"
        }
        /// One decimal, as the README's table gives it.
        private func percent(_ value: Double) -> String {
            let tenths = Int((value * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)"
        }
    }

    /// A site with the example's registry as editors made it: without the companies ingest added, so what is
    /// measured includes finding them.
    static func makeSiteWithEditorsRegistry() throws -> URL {
        let site = try IngesterTests.makeSite()
        let folder = site.appendingPathComponent("content/companies")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if text.contains("\norigin: ingest\n") { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
        return site
    }

    @Test func taggingPrecisionAndRecallOnTheLabelledSeeds() throws {
        let site = try Self.makeSiteWithEditorsRegistry()
        _ = try Ingester(siteDirectory: site).ingest([try IngesterTests.seed("000_"), try IngesterTests.seed("003_")])
        let loaded = try SiteLoader(directory: site).load()
        let labels = try Self.labels()
        #expect(labels.count == 26)
        var companies = Tally(), named = Tally(), topics = Tally(), events = Tally()
        for (name, truth) in labels.sorted(by: { $0.key < $1.key }) {
            let brief = try #require(loaded.brief(Slug(validating: name)!), "no brief \(name)")
            let about = brief.companies.map(\.rawValue)
            companies.add(found: about, truth: truth.companies)
            // Every company the brief names somewhere, about or in passing: how many labelled ones it holds at all.
            named.add(found: (brief.companies + brief.mentions).map(\.rawValue), truth: truth.companies)
            topics.add(found: brief.topics.map(\.rawValue), truth: truth.topics)
            // Dates as a multiset: an event stated twice is proposed twice.
            events.add(found: brief.events.map(\.date.description), truth: truth.events)
            if Set(about) != Set(truth.companies) { print("tagging: \(name): companies \(about), labelled \(truth.companies)") }
            if Set(brief.topics.map(\.rawValue)) != Set(truth.topics) { print("tagging: \(name): topics \(brief.topics.map(\.rawValue)), labelled \(truth.topics)") }
            let dates = brief.events.map(\.date.description)
            if dates.sorted() != truth.events.sorted() { print("tagging: \(name): events \(dates), labelled \(truth.events)") }
        }
        print("tagging: companies (about) \(companies.text)")
        print("tagging: companies named at all (about or mentions) recall \(named.correct)/\(named.expected)")
        print("tagging: topics \(topics.text)")
        print("tagging: dated events \(events.text)")
        #expect(companies.recall >= 0.85)
        #expect(companies.precision >= 0.7)
        #expect(named.recall >= 0.95)
        #expect(topics.recall >= 0.6)
        #expect(topics.precision >= 0.5)
        #expect(events.recall >= 0.95)
        #expect(events.precision >= 0.785)
    }
}
