import BriefingTemplates

extension PageContexts {
    /// `{ items: [ { name, url } ] }`: the pages above this one, from the home page down.
    /// The page itself is not listed: templates end the trail with `page.title`.
    func breadcrumbs(_ ancestors: (name: String, url: String)...) -> TemplateValue {
        let trail = [(name: "Home", url: HomePage.url)] + ancestors
        return ["items": .list(trail.map { ["name": .string($0.name), "url": .string($0.url)] })]
    }
}
