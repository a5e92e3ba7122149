/// An organisation the sources name that is not in the company registry, with the evidence that it is a company.
public struct CompanyCandidate: Sendable, Equatable {
    /// What in the text says a name is a company's; each kind counts once, with its `points`.
    public enum Cue: String, Sendable, CaseIterable, Comparable {
        /// The name ends with a corporate form: "PDD Holdings", "Texas Instruments", "ON Semiconductor".
        case form = "a corporate form in the name"
        /// A stock ticker follows it: "(NASDAQ: PDD)".
        case ticker = "a ticker"
        /// It is described as a company: "Temu, the e-commerce platform", "TechInsights (Canadian teardown firm)".
        case appositive = "described as a company"
        /// A company noun stands right before it: "chipmaker Cambricon", "research firm TechInsights".
        case descriptor = "a company noun before it"
        /// It is listed under a company noun: "platforms like Temu and Shein", "battery giants (BYD, CATL)".
        case listed = "listed under a company noun"
        /// Corporate possessions or ownership: "X's chief executive", "shares of X", "owned by X".
        case corporate = "shares, executives or owners"

        public var points: Int {
            switch self {
            case .form, .ticker: 3
            case .appositive, .descriptor, .listed, .corporate: 2
            }
        }

        public static func < (lhs: Cue, rhs: Cue) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// The name it is usually written as.
    public var name: String
    /// The other spellings seen ("iQiyi" beside "iQIYI", "PDD Holdings" beside "PDD", an acronym in brackets).
    public var aliases: [String]
    /// "NASDAQ: PDD", when the sources give one.
    public var ticker: String?
    public var cues: Set<Cue>
    /// How often it is named, and in how many items.
    public var mentions: Int
    public var items: Int
    /// The sentence with its strongest cue (or its first mention), for an editor to judge it by.
    public var context: String

    /// The documented score: each kind of cue's points, plus one for being named in two items or more and one
    /// for being named three times or more.
    public var score: Int {
        cues.reduce(0) { $0 + $1.points } + (items >= 2 ? 1 : 0) + (mentions >= 3 ? 1 : 0)
    }

    /// Strong candidates become registry entries at ingest: at least one organisation cue, and a score of at
    /// least `strongScore`. Repetition alone never makes a company: people and products repeat too.
    public var isStrong: Bool { !cues.isEmpty && score >= Self.strongScore }

    public static let strongScore = 2
}
