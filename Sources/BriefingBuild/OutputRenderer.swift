import BriefingRender
import Foundation
import Synchronization

/// Produces the bytes of each output on a worklist, in parallel: renders pages, takes assets, reads static files.
struct OutputRenderer: Sendable {
    let pages: PageRenderer
    let siteDirectory: URL
    let jobs: Int

    /// The first template error stops the build. `progress` hears (produced, to produce) from any thread.
    func produce(_ tasks: [RenderWorklist.Task], progress: (@Sendable (Int, Int) -> Void)? = nil) throws(BuildError) -> [OutputFile] {
        let done = Atomic<Int>(0)
        let total = tasks.count
        let results: [Result<OutputFile, BuildError>] = tasks.parallelMap(jobs: jobs) { task in
            defer { if let progress { progress(done.add(1, ordering: .relaxed).newValue, total) } }
            return produce(task)
        }
        var files: [OutputFile] = []
        files.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): throw error
            }
        }
        return files
    }

    private func produce(_ task: RenderWorklist.Task) -> Result<OutputFile, BuildError> {
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
