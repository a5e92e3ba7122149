import Testing
@testable import BriefingCore

@Suite struct PositionSetTests {
    @Test func holdsExactlyItsPositionsAcrossWordBoundaries() {
        let positions = [0, 1, 63, 64, 65, 127, 128, 999]
        let set = PositionSet(positions, count: 1000)
        for position in -1...1001 {
            #expect(set.contains(position) == positions.contains(position), "\(position)")
        }
    }

    @Test func positionsOutsideTheCountAreNeverMembers() {
        let set = PositionSet([5, 2000, -3], count: 10)
        #expect(set.contains(5))
        #expect(!set.contains(2000) && !set.contains(-3) && !set.contains(10))
        #expect(!PositionSet([], count: 0).contains(0))
    }
}
