import BriefingTemplates

/// The key paths a template context holds, as THEMING.md writes them: `company.name`, `briefs[].title`.
enum ContextPaths {
    static func of(_ value: TemplateValue, prefix: String = "") -> Set<String> {
        var paths = Set<String>()
        switch value {
        case .object(let fields):
            for (key, field) in fields {
                let path = prefix.isEmpty ? key : prefix + "." + key
                paths.insert(path)
                paths.formUnion(of(field, prefix: path))
            }
        case .list(let items):
            for item in items { paths.formUnion(of(item, prefix: prefix + "[]")) }
            if !prefix.isEmpty { paths.insert(prefix + "[]") }
        default:
            break
        }
        return paths
    }
}
