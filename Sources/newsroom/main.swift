import Foundation

let usage = """
USAGE: newsroom [COMMAND] [OPTIONS]

Newsroom serves an archive of Chinese local-newspaper pages as an HTTP/1.1 JSON API.

COMMANDS:
  serve         Start the server on the bundled seeds (the default). See `newsroom serve --help`.
  parse         Parse page files and print them as JSON. See `newsroom parse --help`.
  analyze       Parse and link page files: tags, localities, initiatives, authors.

Run `newsroom COMMAND --help` for the options of a command.
"""

var argv = Array(CommandLine.arguments.dropFirst())
let command = argv.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "serve"
if argv.first == command { argv.removeFirst() }

let status: Int32
switch command {
case "parse": status = ParseCommand.run(argv)
case "analyze": status = AnalyzeCommand.run(argv)
case "help": print(usage); status = 0
default:
    if argv.contains("--help") || argv.contains("-h") {
        print(usage)
        status = 0
    } else {
        printError("newsroom: unknown command '\(command)'\n\n\(usage)")
        status = 64
    }
}
exit(status)
