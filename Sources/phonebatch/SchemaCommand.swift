import ArgumentParser
import PhoneBatch

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the SQL schema of phonebatch's database (the same as schema.sql)."
    )

    func run() {
        print(Schema.text, terminator: "")
    }
}
