import ArgumentParser
import PhoneBatch

/// Runs a command's work and turns a `PhoneBatchError` into its one line on standard error
/// and its documented exit status.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as PhoneBatchError {
        StandardError.write("phonebatch: error: \(error.message)\n")
        throw ExitCode(error.exitStatus.rawValue)
    } catch let error as SQLiteError {
        if error.isDiskFull {
            let failure = PhoneBatchError.diskFull(reason: error.message)
            StandardError.write("phonebatch: error: \(failure.message)\n")
            throw ExitCode(failure.exitStatus.rawValue)
        }
        StandardError.write("phonebatch: error: \(error)\n")
        throw ExitCode(ExitStatus.internalError.rawValue)
    } catch let error as ExitCode {
        throw error
    } catch {
        StandardError.write("phonebatch: error: \(error); the database is sound: run the same command again to resume\n")
        throw ExitCode(ExitStatus.internalError.rawValue)
    }
}
