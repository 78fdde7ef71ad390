import Logging
import PhoneBatch

/// Runs a job, with the sandbox in-process around it when the job is a rehearsal
/// (`--sandbox`): the sandbox's settings override the environment's and the config's for
/// every provider, so a rehearsal can never reach a real one.
public enum JobLauncher {
    /// - Parameter confirm: asked before the first billable request of a real run (a
    ///   rehearsal costs nothing and asks nothing).
    public static func run(_ options: RunOptions, logger: Logger, interruption: Interruption = Interruption(),
                           confirm: (@Sendable (JobPlan) async -> Bool)? = nil,
                           progress: RunProgress? = nil) async throws -> RunReport {
        guard options.sandbox, options.provider != ProviderCatalog.offline else {
            var runner = JobRunner(options: options, logger: logger, interruption: interruption)
            runner.confirm = confirm
            runner.progress = progress
            return try await runner.run()
        }
        let sandbox = try await InProcessSandbox.start(logger: Logger(label: "phonebatch.sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
        logger.info("rehearsing against the sandbox at \(sandbox.baseURL); nothing leaves this machine")
        var rehearsal = options
        rehearsal.environment.merge(sandbox.environment) { _, sandbox in sandbox }
        // The sandbox answers "try later" in seconds, not the real network's minutes.
        rehearsal.environment["PHONEBATCH_ACCUAUTH_RECHECK_SECONDS"] = rehearsal.environment["PHONEBATCH_ACCUAUTH_RECHECK_SECONDS"] ?? "3"
        do {
            var runner = JobRunner(options: rehearsal, logger: logger, interruption: interruption)
            runner.progress = progress
            let report = try await runner.run()
            await sandbox.stop()
            return report
        } catch {
            await sandbox.stop()
            throw error
        }
    }
}
