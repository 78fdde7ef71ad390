import ArgumentParser
import PhoneBatch

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Say what a run would send, in how many requests, how long and at what cost: no network, no charge.",
        discussion: """
            Reads the input and checks every number locally (free), into the job's database: \
            `run` with the same options continues from there. Prices come from price_per_number \
            (and the extras' prices) in the provider's config section.
            """
    )

    @OptionGroup var job: JobOptions

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger()
        let options = job.runOptions()
        let plan = try await reportingErrors { try await JobRunner(options: options, logger: logger).plan() }
        print(json ? plan.json.text : plan.text)
    }
}
