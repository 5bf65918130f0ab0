// Parses page files with the product's PageParser and prints each page as one JSON line, every
// stored property by name (found by reflection, so the dump needs no change when Page or Article
// gains a field). Used by scripts/eval-parse; never linked into the product.
//
//   parse-dump CONFIG_DIR FILE...
import Foundation
import PageParser

func jsonValue(_ value: Any) -> Any {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional {
        guard let child = mirror.children.first else { return NSNull() }
        return jsonValue(child.value)
    }
    switch value {
    case let text as String: return text
    case let number as Int: return number
    case let number as Double: return number
    case let flag as Bool: return flag
    case let raw as any RawRepresentable: return jsonValue(raw.rawValue)
    default: break
    }
    switch mirror.displayStyle {
    case .collection, .set:
        return mirror.children.map { jsonValue($0.value) }
    case .struct, .class:
        var object: [String: Any] = [:]
        for child in mirror.children {
            if let label = child.label { object[label] = jsonValue(child.value) }
        }
        return object
    default:
        return String(describing: value)
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: parse-dump CONFIG_DIR FILE...\n".utf8))
    exit(64)
}
let configuration = try ParserConfiguration.load(fromDirectory: URL(fileURLWithPath: arguments[1]))
let parser = PageParser(configuration: configuration)
for path in arguments.dropFirst(2) {
    var line: [String: Any] = ["file": (path as NSString).lastPathComponent]
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        line["page"] = jsonValue(try parser.parse(data: data, fileName: path))
    } catch {
        line["error"] = String(describing: error)
    }
    let json = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])
    FileHandle.standardOutput.write(json + Data("\n".utf8))
}
