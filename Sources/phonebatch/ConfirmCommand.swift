import ArgumentParser

struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Phone Confirm (Xverify): call people to read them a code, then verify the codes they type back.",
        discussion: "These commands call real people: nothing is called without --i-have-consent, and never from `run`.",
        subcommands: [ConfirmPlaceCommand.self, ConfirmVerifyCommand.self]
    )
}
