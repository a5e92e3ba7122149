import Foundation
import Testing

/// The small feeds under Fixtures/feeds, as bytes.
enum FeedFixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let resources = try #require(Bundle.module.resourceURL)
        return Array(try Data(contentsOf: resources.appendingPathComponent("Fixtures/feeds/\(name)")))
    }
}
