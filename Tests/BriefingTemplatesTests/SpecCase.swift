import BriefingTemplates
import Foundation

/// One test of the official Mustache spec (Fixtures/mustache-spec/*.json).
struct SpecCase: Sendable, CustomStringConvertible {
    let file: String
    let name: String
    let data: TemplateValue
    let template: String
    let partials: [String: String]
    let expected: String

    var description: String { "\(file) › \(name)" }

    /// Every case of every spec file, in file order. Empty when the fixtures cannot be read
    /// (`SpecTests.allFilesLoad` then fails and says why).
    static let all: [SpecCase] = (try? load()) ?? []

    static let expectedFiles = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~dynamic-names", "~inheritance",
    ]

    static func load() throws -> [SpecCase] {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let directory = fixtures.appendingPathComponent("mustache-spec")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try files.flatMap { file -> [SpecCase] in
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            let spec = try JSONDecoder().decode(SpecFile.self, from: data)
            let fileName = String(file.dropLast(".json".count))
            return spec.tests.map {
                SpecCase(
                    file: fileName, name: $0.name, data: $0.data.value, template: $0.template,
                    partials: $0.partials ?? [:], expected: $0.expected)
            }
        }
    }

    private struct SpecFile: Decodable {
        struct Test: Decodable {
            let name: String
            let data: JSONValue
            let template: String
            let partials: [String: String]?
            let expected: String
        }
        let tests: [Test]
    }
}

/// Decodes any JSON into a `TemplateValue`: integers stay integers, other numbers become doubles.
struct JSONValue: Decodable {
    let value: TemplateValue

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            value = .int(number)
        } else if let number = try? container.decode(Double.self) {
            value = .double(number)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let list = try? container.decode([JSONValue].self) {
            value = .list(list.map(\.value))
        } else {
            value = .object(try container.decode([String: JSONValue].self).mapValues(\.value))
        }
    }
}
