import BriefingTemplates

/// A failed build's error, shown in the browser over the last good page until a build works again.
struct ErrorOverlay: Sendable, Equatable {
    let message: String

    var html: String {
        """
        <div id="briefing-build-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
        margin:0;padding:2rem;background:rgba(24,4,4,.94);color:#fde8e8;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace">
        <h2 style="margin:0 0 1rem;font:bold 1.3rem system-ui,sans-serif;color:#ff8a80">The build failed</h2>
        <pre style="white-space:pre-wrap;margin:0 0 1rem">\(HTMLEscaper.escape(message))</pre>
        <p style="font-family:system-ui,sans-serif;color:#f5b7b1">Under this is the last page that built. \
        Save a fix and the page reloads by itself.</p>
        </div>

        """
    }
}
