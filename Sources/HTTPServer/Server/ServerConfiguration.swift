import Glibc

/// Everything tunable about the engine. All durations are in seconds.
public struct ServerConfiguration: Sendable {
    /// Address to bind: an IPv4 or IPv6 literal ("0.0.0.0", "::", "127.0.0.1",
    /// "::1") or a host name resolved once at start. Default "0.0.0.0".
    public var host: String = "0.0.0.0"
    /// TCP port; 0 picks an ephemeral port (read it back from `HTTPServer.localPort`). Default 8080.
    public var port: Int = 8080
    /// Event loops (threads), each with its own listener. Default: the CPUs this
    /// process may run on (respects `taskset`/cgroup affinity).
    public var loopCount: Int = ServerConfiguration.availableCores()
    /// listen(2) backlog per listener. Default 1024.
    public var backlog: Int = 1024
    /// Open connections across all loops; beyond it a client gets 503 with
    /// `Retry-After` and is closed. Default 10 000.
    public var maxConnections: Int = 10_000
    /// Longest request line (method, target, version) before 414. Default 8 KiB.
    public var maxRequestLineBytes: Int = 8 * 1024
    /// Largest header section (all fields, excluding the request line) before 431. Default 16 KiB.
    public var maxHeaderBytes: Int = 16 * 1024
    /// Most header fields before 431. Default 100.
    public var maxHeaderCount: Int = 100
    /// Largest request body (declared or chunked total) before 413. Default 4 MiB.
    public var maxBodyBytes: Int = 4 * 1024 * 1024
    /// How long a keep-alive connection may sit between requests. Default 15 s.
    public var idleTimeout: Double = 15
    /// Time allowed for a whole request head, counted from its first byte and
    /// not extended by further bytes (slowloris defence); then 408. Default 20 s.
    public var headerTimeout: Double = 20
    /// Time allowed for a body, counted from the end of the head; then 408. Default 60 s.
    public var bodyTimeout: Double = 60
    /// How long `shutdown()` waits for in-flight requests before force-closing. Default 10 s.
    public var shutdownGracePeriod: Double = 10
    /// How long a connection with unsent output may go without the client
    /// taking any of it before it is closed (a reader that makes progress,
    /// however slowly, is never cut off). Default 30 s.
    public var writeTimeout: Double = 30
    /// Write one line per request to stdout (or `accessLogSink`). Default true.
    public var accessLog: Bool = true
    /// Add `Server-Timing: cpu;dur=<ms>` to responses made on a worker thread: the handler's own
    /// CPU time, so a client or a benchmark can tell work from queueing and disk waits (browsers'
    /// developer tools show it). Default true.
    public var serverTiming: Bool = true
    /// `text` or `json` lines. Default text.
    public var accessLogFormat: AccessLogFormat = .text
    /// Bytes of log lines each loop may hold while the writer thread catches up;
    /// beyond it lines are dropped and counted, never waited for. Default 1 MiB.
    public var accessLogBufferBytes: Int = 1 << 20
    /// Receives access-log batches instead of stdout (tests, custom logging). Default nil.
    public var accessLogSink: AccessLogSink? = nil
    /// Where log lines go without a sink (stdout; tests use a pipe).
    var accessLogDescriptor: Int32 = 1
    /// Value of the `Server` header; empty omits it. Default "newsroom".
    public var serverName: String = "newsroom"
    /// Worker pools that routes name (`router.add(..., pool: "reads", ...)`).
    /// Default `reads` (a thread per core, queue 256, 10 s) and `writes` (2 threads, queue 64, 120 s).
    public var workerPools: [WorkerPoolConfiguration] = [.reads(), .writes]
    /// Prefix of the `type` URI of every problem document the engine writes
    /// (`EngineProblem.all` lists the suffixes). Default `urn:http-engine:problem:`.
    public var problemTypeBase: String = EngineProblem.defaultTypeBase
    /// Registry for the engine's `http_*` metrics, and the application's own.
    /// Nil: the server makes one (see `HTTPServer.metrics`). One registry per server.
    public var metrics: MetricsRegistry? = nil
    /// How often each loop measures its own lag (a timer's lateness). Default 0.5 s.
    public var loopLagProbeInterval: Double = 0.5

    public init() {}

    public init(host: String = "0.0.0.0", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    var parserLimits: ParserLimits {
        ParserLimits(maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes, maxHeaderCount: maxHeaderCount)
    }

    /// CPUs in this process's affinity mask (the `Cpus_allowed` mask in
    /// /proc/self/status, since glibc's sched_getaffinity is not imported into
    /// Swift), falling back to the online count.
    public static func availableCores() -> Int {
        if let status = readSmallFile("/proc/self/status") {
            for line in status.split(separator: "\n") where line.hasPrefix("Cpus_allowed:") {
                let mask = line.dropFirst("Cpus_allowed:".count)
                let count = mask.reduce(0) { sum, c in
                    sum + (c.hexDigitValue.map { $0.nonzeroBitCount } ?? 0)
                }
                if count > 0 { return count }
            }
        }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > 1 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
