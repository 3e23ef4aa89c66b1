import ArgumentParser

/// The `mailroute` command: one subcommand per job.
@main
struct Mailroute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailroute",
        abstract: "Read, route and report on customer e-mail.",
        subcommands: [InspectCommand.self])
}
