import Foundation

let usage = """
USAGE: newsroom [COMMAND] [OPTIONS]

Newsroom serves an archive of Chinese local-newspaper pages (articles, authors, localities,
local policy initiatives and keyword tags) as an HTTP/1.1 JSON API with a web frontend.

COMMANDS:
  serve         Start the server on the bundled seeds (the default). See `newsroom serve --help`.
  import        Import a backlog of page files and build the saved state offline.
  parse         Parse page files and print them as JSON. See `newsroom parse --help`.
  analyze       Parse and link page files: tags, localities, initiatives, authors.
  healthcheck   Exit 0 when the local server answers /healthz (for containers).

Run `newsroom COMMAND --help` for the options of a command; `newsroom --version` for the build.
"""

var argv = Array(CommandLine.arguments.dropFirst())
if argv.first == "--version" || argv.first == "-V" { argv[0] = "version" }
let command = argv.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "serve"
if argv.first == command { argv.removeFirst() }

let status: Int32
switch command {
case "serve":
    // `newsroom --help` explains the commands; `newsroom serve --help` the server's options.
    if CommandLine.arguments.dropFirst().first.map({ $0 == "--help" || $0 == "-h" }) == true {
        print(usage + "\n" + ServeCommand.help)
        status = 0
    } else {
        status = ServeCommand.run(argv)
    }
case "import": status = ImportCommand.run(argv)
case "parse": status = ParseCommand.run(argv)
case "analyze": status = AnalyzeCommand.run(argv)
case "healthcheck": status = HealthcheckCommand.run(argv)
case "help": print(usage); status = 0
case "version": print(versionText()); status = 0
default:
    printError("newsroom: unknown command '\(command)'\n\n\(usage)")
    status = 64
}
exit(status)
