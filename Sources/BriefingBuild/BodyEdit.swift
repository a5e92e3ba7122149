import BriefingCore
import BriefingRender

/// Recognises the commonest edit — a brief's prose changed and nothing else — so that a build can pass over
/// every page whose context does not hold that prose instead of building and hashing all of them.
enum BodyEdit {
    /// The bodies (`brief/<slug>`) of the briefs whose Markdown body alone changed since `previous`, or nil
    /// when anything else changed: another field, another file, a file added or removed.
    ///
    /// `cache` supplies the briefs as the previous build parsed them; it only counts where its hash is the
    /// one the previous build recorded, so a cache left behind by an older build can never vouch for a file.
    static func changedBodies(previous: BuildManifest, inputs: SiteInputs, cache: ContentCache, site: Site) -> Set<String>? {
        var changed: [String] = []
        for (path, input) in inputs.files where previous.inputs[path]?.hash != input.hash {
            changed.append(path)
        }
        guard previous.inputs.count == inputs.files.count,
              changed.allSatisfy({ $0.hasPrefix("content/briefs/") && previous.inputs[$0] != nil })
        else { return nil }
        if changed.isEmpty { return [] }

        let wanted = Set(changed)
        let current = Dictionary(site.briefs.lazy.filter { wanted.contains($0.location.file) }.map { ($0.location.file, $0) }) { first, _ in first }
        var bodies = Set<String>()
        for path in changed {
            guard cache.hashes[path] == previous.inputs[path]?.hash, var before = cache.content.briefs[path], var after = current[path]
            else { return nil }
            before.body = ""
            after.body = ""
            guard before == after else { return nil }
            bodies.insert(MarkdownBodies.key(.brief, after.slug))
        }
        return bodies
    }
}
