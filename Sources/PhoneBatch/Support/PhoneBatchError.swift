import Foundation

/// A failure that the user can act on: each has one line saying what is wrong and what to do,
/// and a documented exit status.
public enum PhoneBatchError: Error, Equatable, Sendable {
    case inputNotFound(path: String)
    case inputUnreadable(path: String, reason: String)
    case notCSV(path: String, reason: String)
    case noPhoneColumn(header: [String])
    case unknownColumn(name: String, header: [String])
    case unknownCountry(String)
    case invalidOption(String)
    case inputChanged(path: String)
    case outputWouldOverwriteInput(path: String)
    case outputNotWritable(path: String, reason: String)
    case databaseNotFound(path: String)
    case notAPhoneBatchDatabase(path: String)
    case databaseTooNew(path: String, version: Int, supported: Int)
    case jobMismatch(path: String, reason: String)
    case jobNotFinished(path: String, stage: String)
    case diskFull(reason: String)
    case workerFailed(String)
    case workLeft(pendingNumbers: Int, openBatches: Int)
    case configuration(String)
    case providerStopped(ProviderStop)
    /// SIGINT or SIGTERM: the work in flight was recorded.
    case interrupted(databasePath: String)
    /// The user answered no to the plan: nothing was sent.
    case declined(databasePath: String)
    /// This process stalled past its job lease and another one read the rows it was about to commit.
    case ingestTakenOver(path: String)
    /// `confirm place` without `--i-have-consent`: nobody is called.
    case noConsent
    /// SIGINT or SIGTERM during `confirm place` or `confirm verify`: what was in flight is recorded.
    case interruptedConfirm

    public var message: String {
        switch self {
        case .inputNotFound(let path):
            return "input file not found: \(path) (check the path)"
        case .inputUnreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .notCSV(let path, let reason):
            return "\(path) does not look like a CSV file: \(reason) (export it from the CRM as CSV, UTF-8)"
        case .noPhoneColumn(let header):
            return "no phone column found; the header is: \(header.map { "'\($0)'" }.joined(separator: ", ")) (name one with --phone-column)"
        case .unknownColumn(let name, let header):
            return "no column '\(name)' in the header: \(header.map { "'\($0)'" }.joined(separator: ", ")) (give a header name or a 1-based column number)"
        case .unknownCountry(let value):
            return "unknown country '\(value)' (give an ISO 3166 code such as GB or FR, or an English name such as France)"
        case .invalidOption(let reason):
            return reason
        case .inputChanged(let path):
            return "\(path) has changed since the run began (its size or SHA-256 differs); restore it, or start over with --restart"
        case .outputWouldOverwriteInput(let path):
            return "the output would overwrite the input \(path); choose another path with --out"
        case .outputNotWritable(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .databaseNotFound(let path):
            return "database not found: \(path) (give the .phonebatch.sqlite file a run created)"
        case .notAPhoneBatchDatabase(let path):
            return "\(path) is not a phonebatch database; choose another path with --db"
        case .databaseTooNew(let path, let version, let supported):
            return "\(path) was written by a newer phonebatch (schema \(version), this one knows \(supported)); upgrade phonebatch"
        case .jobMismatch(let path, let reason):
            return "\(path) holds another job (\(reason)); pass --restart to start over, or choose another --db"
        case .jobNotFinished(let path, let stage):
            return "the job in \(path) has not finished (it is at \(stage)); run it again to finish it"
        case .workLeft(let pending, let open):
            return "\(pending) numbers are still waiting and \(open) batches are still open (another process holds them, or the provider keeps leaving them out); run the same command again later to finish"
        case .workerFailed(let reason):
            return "\(reason); the database is sound: run the same command again to resume"
        case .configuration(let reason):
            return reason
        case .providerStopped(let stop):
            return stop.description
        case .interrupted(let path):
            return "interrupted; the work in flight is recorded: run `phonebatch resume \(path)` to finish"
        case .declined(let path):
            return "nothing was sent; the job is kept in \(path): run the same command again to continue (--yes skips the question)"
        case .ingestTakenOver(let path):
            return "another phonebatch process took over reading the input of \(path) while this one was stalled; it goes on, this one stops"
        case .interruptedConfirm:
            return "interrupted; what was in flight is recorded: run the same command again to finish"
        case .noConsent:
            return "confirm place calls every person in the input; pass --i-have-consent to confirm they agreed to be called (nothing was done)"
        case .diskFull(let reason):
            return "the disk is full (\(reason)); the database is sound: free some space and run the same command again to resume"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .inputNotFound, .databaseNotFound, .inputUnreadable: return .noInput
        case .notCSV, .noPhoneColumn, .inputChanged, .notAPhoneBatchDatabase, .jobMismatch, .jobNotFinished: return .dataError
        case .unknownColumn, .unknownCountry, .invalidOption, .outputWouldOverwriteInput, .noConsent: return .usage
        case .outputNotWritable: return .cannotCreate
        case .databaseTooNew: return .dataError
        case .diskFull: return .ioError
        case .workerFailed: return .internalError
        case .workLeft: return .internalError
        case .configuration: return .configuration
        case .interrupted, .declined, .interruptedConfirm: return .interrupted
        case .ingestTakenOver: return .internalError
        case .providerStopped(let stop): return stop.reason == .unavailable ? .unavailable : .providerRefused
        }
    }
}
