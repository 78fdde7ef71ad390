import Foundation
import PhoneBatch
import Synchronization

/// Standard error, shared by the log, the signal handler and the progress display. While
/// progress lines are drawn, every other line is written above them: the lines are wiped,
/// the text written, the lines drawn again, all in one write so the terminal never shows a
/// half-drawn frame.
final class Console: Sendable {
    /// Whether standard error is a terminal: only then are lines drawn and redrawn.
    let isTerminal = isatty(STDERR_FILENO) == 1
    /// The progress lines on screen now, and whether drawing is held (while a question waits
    /// for its answer).
    private let state = Mutex<(drawn: [String], held: Bool)>(([], false))

    /// Writes `text` (whole lines) above the progress lines.
    func write(_ text: String) {
        state.withLock { state in
            StandardError.write(Self.wipe(state.drawn.count) + text + Self.frame(state.drawn))
        }
    }

    /// Replaces the progress lines with `lines`, cut to the terminal's width so that none wraps.
    func draw(_ lines: [String]) {
        let width = Self.width()
        let fitted = lines.map { String($0.prefix(max(10, width - 1))) }
        state.withLock { state in
            guard fitted != state.drawn, !state.held || fitted.isEmpty else { return }
            StandardError.write(Self.wipe(state.drawn.count) + Self.frame(fitted))
            state.drawn = fitted
        }
    }

    /// Wipes the progress lines and draws none until `body` returns: for a question.
    func holdingProgress<T>(_ body: () async throws -> T) async rethrows -> T {
        clear()
        state.withLock { $0.held = true }
        defer { state.withLock { $0.held = false } }
        return try await body()
    }

    /// Takes the progress lines off the screen.
    func clear() {
        draw([])
    }

    /// Cursor up to the first of `count` drawn lines, and clear from there down.
    private static func wipe(_ count: Int) -> String {
        count == 0 ? "" : "\u{1B}[\(count)F\u{1B}[J"
    }

    private static func frame(_ lines: [String]) -> String {
        lines.map { $0 + "\u{1B}[K\n" }.joined()
    }

    private static func width() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
