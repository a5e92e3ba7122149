/// Some of the site's briefs, in order, without copying them: topic and company lists can hold thousands.
public struct BriefList: RandomAccessCollection, Sendable {
    private let all: [Brief]
    /// Positions in `Site.briefs`.
    public let positions: [Int]

    init(all: [Brief], positions: [Int]) {
        self.all = all
        self.positions = positions
    }

    public var startIndex: Int { positions.startIndex }
    public var endIndex: Int { positions.endIndex }
    public subscript(index: Int) -> Brief { all[positions[index]] }
}
