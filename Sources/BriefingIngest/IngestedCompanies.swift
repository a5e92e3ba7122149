import BriefingCore
import Foundation

/// The company registry as ingest sees it: every entry, and which of them ingest wrote (`origin: ingest`) and
/// nobody has edited since — those alone ingest may merge into another entry or remove, by the checksum rule
/// briefs follow.
struct IngestedCompanies {
    /// An entry ingest wrote, and whether its file is still exactly what ingest wrote.
    struct Entry: Equatable {
        var path: String
        var unedited: Bool
    }

    /// Company slug → its entry, for the entries whose file says `origin: ingest`.
    private(set) var written: [Slug: Entry] = [:]

    init(siteDirectory: URL, registry: [Company]) {
        for company in registry {
            let path = company.location.file
            guard let data = FileManager.default.contents(atPath: siteDirectory.appendingPathComponent(path).path),
                  let text = String(data: data, encoding: .utf8),
                  var fields = try? FrontMatter.parse(text, file: path).fields,
                  fields.string("origin") == Self.origin else { continue }
            written[company.slug] = Entry(path: path, unedited: BriefFile.isUnedited(text))
        }
    }

    /// The value of `origin` in the entries ingest writes.
    static let origin = "ingest"

    /// Entries ingest wrote and nobody edited whose name or an alias another entry also has: each is merged into
    /// that entry (an editor's, or else the one of the earlier slug), whose slug replaces it in briefs.
    func merges(in registry: [Company]) -> [Slug: Slug] {
        var merged: [Slug: Slug] = [:]
        for company in registry where written[company.slug]?.unedited == true {
            let names = Set(([company.name] + company.aliases).map(Self.comparable))
            let others = registry.filter { other in
                other.slug != company.slug && merged[other.slug] == nil
                    && !Set(([other.name] + other.aliases).map(Self.comparable)).isDisjoint(with: names)
            }
            // An editor's entry wins; between two of ingest's, the earlier slug.
            let target = others.first { written[$0.slug]?.unedited != true }
                ?? others.first { $0.slug < company.slug }
            if let target { merged[company.slug] = target.slug }
        }
        return merged
    }

    /// A name as compared across entries: normalised and lower-cased.
    static func comparable(_ name: String) -> String {
        TextNormalisation.normalised(name).lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// The registry entry ingest writes for a strong candidate: its name, the other spellings seen, its ticker,
    /// `origin: ingest`, and for the editor who writes its profile, why ingest took it for a company.
    static func text(of candidate: CompanyCandidate) -> String {
        var lines = ["name: \(YAMLText.quoted(candidate.name))"]
        lines.append("aliases: [\(candidate.aliases.map(YAMLText.quoted).joined(separator: ", "))]")
        if let ticker = candidate.ticker { lines.append("ticker: \(YAMLText.quoted(ticker))") }
        lines.append("origin: \(origin)")
        let cues = candidate.cues.sorted().map(\.rawValue).joined(separator: "; ")
        let context = candidate.context.replacingOccurrences(of: "--", with: "–")
        let body = """
            <!-- Added by ingest: named \(candidate.mentions) time\(candidate.mentions == 1 ? "" : "s") in \(candidate.items) \
            item\(candidate.items == 1 ? "" : "s") (\(cues)), e.g. “\(context)”
                 Write a short profile (what the company does, why it matters to readers) and add its headquarters and website. -->
            """
        return BriefFile.text(lines: lines, body: body)
    }
}
