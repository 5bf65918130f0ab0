// Driver for scripts/bench-gzip: compression ratio and CPU time of Gzip.compress
// (and decompress) at several levels on one body.
import Foundation
import Glibc

@main
enum GzipBenchmark {
    static func main() throws {
        let path = CommandLine.arguments.dropFirst().first ?? "/dev/stdin"
        let body = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let rounds = Int(ProcessInfo.processInfo.environment["ROUNDS"] ?? "") ?? 2000
        print("body: \(body.count) bytes, \(rounds) rounds per level (CPU time of this thread)")
        print("level  gzip bytes  ratio  compress us (median / p99)  decompress us (median)")
        for level: Int32 in [1, 4, 6, 9] {
            var compressed: [UInt8] = []
            var times: [Double] = []
            for _ in 0..<rounds {
                let start = cpuMicros()
                compressed = Gzip.compress(body, level: level)
                times.append(cpuMicros() - start)
            }
            var inflateTimes: [Double] = []
            for _ in 0..<rounds {
                let start = cpuMicros()
                let restored = try Gzip.decompress(compressed)
                inflateTimes.append(cpuMicros() - start)
                precondition(restored.count == body.count)
            }
            times.sort()
            inflateTimes.sort()
            let ratio = Double(body.count) / Double(compressed.count)
            print(String(format: "%5d  %10d  %5.2f  %12.1f / %-12.1f  %10.1f", level, compressed.count, ratio,
                         times[times.count / 2], times[times.count * 99 / 100], inflateTimes[inflateTimes.count / 2]))
        }
    }

    static func cpuMicros() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
    }
}
