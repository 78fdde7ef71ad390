/// The process exit codes phonebatch documents (README, "Exit codes"). They follow BSD's
/// sysexits.h so that schedulers and scripts can tell the kinds of failure apart.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything asked was done.
    case success = 0
    /// A bug or an unexpected failure: the message says what; the database is still sound.
    case internalError = 1
    /// A wrong flag or flag value (an unknown country code, an unknown column ...).
    case usage = 64
    /// The input is not usable: not CSV, no phone column, or changed since the run began.
    case dataError = 65
    /// The input file (or database) does not exist or cannot be read.
    case noInput = 66
    /// The output or the database cannot be written.
    case cannotCreate = 73
    /// A provider kept failing (down, or unreachable) until the tries ran out: resumable later.
    case unavailable = 69
    /// Reading or writing failed midway (the disk is full, say): resumable once fixed.
    case ioError = 74
    /// Interrupted (SIGINT, SIGTERM): the work in flight was recorded; resumable.
    case interrupted = 75
    /// A provider refused to go on: bad credentials, no credits, quota used up, no permission.
    /// Resumable once fixed, with `phonebatch resume DB`.
    case providerRefused = 77
    /// The configuration is missing something or wrong (a credential, a base URL, a bad value).
    case configuration = 78
}
