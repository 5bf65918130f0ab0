/// Writing the Prometheus text exposition format 0.0.4: `# HELP`, `# TYPE`,
/// then `name{label="value"} number` lines.
struct MetricsText {
    private(set) var bytes: [UInt8] = []

    mutating func header(_ name: String, help: String, type: String) {
        append("# HELP \(name) ")
        for scalar in help.unicodeScalars {
            switch scalar {
            case "\\": append("\\\\")
            case "\n": append("\\n")
            default: append(String(scalar))
            }
        }
        append("\n# TYPE \(name) \(type)\n")
    }

    mutating func sample(_ name: String, _ labelNames: [String], _ labelValues: [String], _ value: Double) {
        append(name)
        if !labelNames.isEmpty {
            bytes.append(UInt8(ascii: "{"))
            for (i, (label, value)) in zip(labelNames, labelValues).enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                append(label)
                append("=\"")
                append(Self.escapeLabelValue(value))
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: " "))
        append(Self.number(value))
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// `\`, `"` and newline escaped, as the format requires inside label values.
    static func escapeLabelValue(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == 10 }) else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Integers without a fraction, `+Inf`/`-Inf`/`NaN` as the format spells them.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isNameStart(first) || first == UInt8(ascii: ":") else { return false }
        return name.utf8.allSatisfy { isNameStart($0) || $0 == UInt8(ascii: ":") || ($0 >= 48 && $0 <= 57) }
    }

    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isNameStart(first), !name.hasPrefix("__") else { return false }
        return name.utf8.allSatisfy { isNameStart($0) || ($0 >= 48 && $0 <= 57) }
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_")
    }
}
