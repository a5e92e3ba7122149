import BriefingRender
import Foundation

/// Produces the bytes of each output on a worklist: renders pages, takes assets, reads static files.
struct OutputRenderer: Sendable {
    let pages: PageRenderer
    let siteDirectory: URL
    let jobs: Int

    /// The bytes of one output: a page rendered, an asset, a static file read.
    func produce(_ task: RenderWorklist.Task) -> Result<OutputFile, BuildError> {
        switch task.source {
        case .page(let page):
            do {
                return .success(OutputFile(path: task.path, bytes: try pages.render(page)))
            } catch {
                return .failure(.template(page: task.path, error.description))
            }
        case .asset(let bytes):
            return .success(OutputFile(path: task.path, bytes: bytes))
        case .staticFile(let relative):
            guard let data = FileManager.default.contents(atPath: siteDirectory.path + "/" + relative) else {
                return .failure(.output(path: relative, "cannot read the static file — check that it exists and is readable"))
            }
            return .success(OutputFile(path: task.path, bytes: Array(data)))
        }
    }
}
