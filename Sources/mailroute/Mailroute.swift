import ArgumentParser

@main
struct Mailroute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailroute",
        abstract: "Read, route and report on customer e-mail.")
}
