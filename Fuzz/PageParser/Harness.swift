// libFuzzer harness for the page parser (PageParser + ChineseText, compiled by
// scripts/fuzz) with the real rules from config/ (NEWSROOM_CONFIG_DIR, else
// ./config). Any page text, valid UTF-8 or not, must parse or be refused
// with a PageParseError, never crash or hang.
import Foundation

private let parser: PageParser = {
    let directory = ProcessInfo.processInfo.environment["NEWSROOM_CONFIG_DIR"] ?? "config"
    do {
        return PageParser(configuration: try ParserConfiguration.load(fromDirectory: URL(fileURLWithPath: directory, isDirectory: true)))
    } catch {
        fatalError("fuzz harness: cannot load the parser configuration from \(directory): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    if let page = try? parser.parse(data: bytes, fileName: "fuzz.txt") {
        for article in page.articles {
            precondition(!article.id.isEmpty, "an article without an id")
        }
    }
    return 0
}
