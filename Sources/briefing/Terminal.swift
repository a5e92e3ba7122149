import Foundation

/// One of the process's output streams, and whether it is a terminal that shows colour.
struct Terminal: Sendable {
    /// An interactive terminal: progress redraws its line instead of printing a line per step.
    let isTTY: Bool
    let usesColour: Bool
    /// Writes text exactly as given.
    let write: @Sendable (String) -> Void

    /// A stream that is not the process's own, such as one a test reads back.
    init(isTTY: Bool, environment: [String: String], write: @escaping @Sendable (String) -> Void) {
        self.isTTY = isTTY
        usesColour = Terminal.usesColour(isTTY: isTTY, environment: environment)
        self.write = write
    }

    static let standardError = Terminal(descriptor: STDERR_FILENO)
    static let standardOutput = Terminal(descriptor: STDOUT_FILENO)

    private init(descriptor: Int32) {
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        self.init(isTTY: isatty(descriptor) == 1, environment: ProcessInfo.processInfo.environment) { text in
            handle.write(Data(text.utf8))
        }
    }

    /// Colour only on a terminal that can show it, and never when the user asked for none (https://no-color.org:
    /// `NO_COLOR` set to anything but the empty string).
    static func usesColour(isTTY: Bool, environment: [String: String]) -> Bool {
        guard isTTY else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    var style: ErrorStyle { ErrorStyle(colour: usesColour) }
}
