import Foundation
import HTTPServer
import NewsroomAPI
import PageParser

/// The settings of `newsroom serve`. Each comes, in order of precedence, from a flag, an
/// environment variable, `config/newsroom.json`, or its built-in default; the table below is the
/// one place that names all four, and `--help` and the README are written from it.
struct ServeSettings {
    var host = "0.0.0.0"
    var port = 8080
    var loops = 0
    var seedsDirectory = "seeds"
    var dataDirectory = "data"
    var publicDirectory = "Public"
    var accessLog = true
    var serverTiming = true
    var corsOrigins: [String] = []
    var responseCacheBytes = 64 << 20
    var stateDirectory = ""
    var publicBaseURL = ""
    var reanalysisDrift = 0.2
    var reanalysisQuietSeconds = 2.0
    var relatedArticles = 5
    var relatedCandidatesPerEntity = 200
    var searchExactTotal = 10_000
    var checkpointSeconds = 30.0
    var changePollSeconds = 0.25
    var apiToken: String?
    var maxConnections = 10_000
    var backlog = 1024
    var maxRequestLineBytes = 8192
    var maxHeaderBytes = 16_384
    var maxHeaderCount = 100
    var maxBodyBytes = 4 * 1024 * 1024
    var maxPageBytes = 2 * 1024 * 1024
    var idleTimeoutSeconds = 15.0
    var headerTimeoutSeconds = 20.0
    var bodyTimeoutSeconds = 60.0
    var shutdownGraceSeconds = 10.0
    var writeTimeoutSeconds = 30.0
    var accessLogFormat = AccessLogFormat.text
    var accessLogBufferBytes = 1 << 20
    var readPoolThreads = 0
    var readPoolQueue = 256
    var readDeadlineSeconds = 10.0
    var writePoolThreads = 2
    var writePoolQueue = 64
    var writePoolIdlePriority = false
    var writeDeadlineSeconds = 120.0
    var loopLagProbeSeconds = 0.5

    struct Setting {
        var key: String
        var flag: String
        var environment: String
        var help: String
        var apply: (inout ServeSettings, String) throws(SettingError) -> Void
        var current: (ServeSettings) -> String
    }

    struct SettingError: Error, CustomStringConvertible {
        var description: String
    }

    static var table: [Setting] { [
        text("host", "host", "NEWSROOM_HOST", "Address to listen on (0.0.0.0, ::, 127.0.0.1 …).", \.host),
        number("port", "port", "NEWSROOM_PORT", "TCP port; 0 picks a free one.", \.port, 0...65535),
        number("loops", "loops", "NEWSROOM_LOOPS", "Event-loop threads; 0 means one per available core.", \.loops, 0...256),
        text("seedsDirectory", "seeds", "NEWSROOM_SEEDS_DIR", "Folder of bundled, read-only page files.", \.seedsDirectory),
        text("dataDirectory", "data", "NEWSROOM_DATA_DIR", "Folder for uploaded pages (kept in <data>/pages).", \.dataDirectory),
        text("publicDirectory", "public", "NEWSROOM_PUBLIC_DIR", "Folder of the web frontend.", \.publicDirectory),
        flag("accessLog", "access-log", "NEWSROOM_ACCESS_LOG", "One line per request on stdout (true/false).", \.accessLog),
        flag("serverTiming", "server-timing", "NEWSROOM_SERVER_TIMING", "Report each searched or first-rendered response's CPU time in a Server-Timing header (cpu;dur=ms), as browsers' developer tools show it (true/false).", \.serverTiming),
        list("corsOrigins", "cors-origins", "NEWSROOM_CORS_ORIGINS", "Comma-separated origins allowed cross-origin access (* for any).", \.corsOrigins),
        number("responseCacheBytes", "response-cache-bytes", "NEWSROOM_RESPONSE_CACHE_BYTES", "Bytes of ready responses kept, shared by all loops (0: none).", \.responseCacheBytes, 0...1 << 40),
        optionalText("stateDirectory", "state", "NEWSROOM_STATE_DIR", "Folder of the saved derived state (index segments, records, corpus model); empty: <data>/state. Replicas may share it (one saves it).", \.stateDirectory),
        optionalText("publicBaseURL", "public-url", "NEWSROOM_PUBLIC_URL", "Public origin for absolute links in feeds and sitemaps (https://news.example.org); empty: the request's Host.", \.publicBaseURL),
        seconds("checkpointSeconds", "checkpoint-interval", "NEWSROOM_CHECKPOINT_INTERVAL", "Seconds between saves of the derived state (uploads are durable without them; a restart re-reads pages written since the last).", \.checkpointSeconds),
        seconds("changePollSeconds", "change-poll", "NEWSROOM_CHANGE_POLL", "Seconds between looks at the data directory's change log, for writes made by other processes sharing it (replicas).", \.changePollSeconds),
        number("relatedArticles", "related-articles", "NEWSROOM_RELATED_ARTICLES", "Related articles listed with an article (0: none).", \.relatedArticles, 0...100),
        number("relatedCandidatesPerEntity", "related-candidates", "NEWSROOM_RELATED_CANDIDATES", "Newest articles of each shared tag or initiative weighed for related articles: the cost of an article detail, whatever the archive's size.", \.relatedCandidatesPerEntity, 1...1_000_000),
        number("searchExactTotal", "search-exact-total", "NEWSROOM_SEARCH_EXACT_TOTAL", "Text matches a relevance search counts exactly; past that it skips matches that cannot reach the page and reports its total as a lower bound (total_relation gte). The hits are the same.", \.searchExactTotal, 0...1_000_000_000),
        fraction("reanalysisDrift", "reanalysis-drift", "NEWSROOM_REANALYSIS_DRIFT", "Rebuild the corpus model in the background once the article count changed by this share.", \.reanalysisDrift),
        seconds("reanalysisQuietSeconds", "reanalysis-quiet", "NEWSROOM_REANALYSIS_QUIET", "Seconds without a page written before a due re-analysis runs: a backlog posted page by page is re-analysed once, after it, not again and again beside its uploads.", \.reanalysisQuietSeconds),
        Setting(key: "apiToken", flag: "api-token", environment: "NEWSROOM_API_TOKEN",
                help: "Bearer token for uploads; no default: writes are refused until set.",
                apply: { settings, value throws(SettingError) in settings.apiToken = value.isEmpty ? nil : value },
                current: { $0.apiToken == nil ? "(none)" : "(set)" }),
        number("maxConnections", "max-connections", "NEWSROOM_MAX_CONNECTIONS", "Open connections before new ones get 503.", \.maxConnections, 1...1_000_000),
        number("backlog", "backlog", "NEWSROOM_BACKLOG", "Listen backlog.", \.backlog, 1...65535),
        number("maxRequestLineBytes", "max-request-line", "NEWSROOM_MAX_REQUEST_LINE", "Longest request line (414 beyond).", \.maxRequestLineBytes, 64...1_048_576),
        number("maxHeaderBytes", "max-header-bytes", "NEWSROOM_MAX_HEADER_BYTES", "Largest header block (431 beyond).", \.maxHeaderBytes, 256...1_048_576),
        number("maxHeaderCount", "max-header-count", "NEWSROOM_MAX_HEADER_COUNT", "Most header fields (431 beyond).", \.maxHeaderCount, 1...10_000),
        number("maxBodyBytes", "max-body-bytes", "NEWSROOM_MAX_BODY_BYTES", "Largest request body (413 beyond).", \.maxBodyBytes, 0...1_073_741_824),
        number("maxPageBytes", "max-page-bytes", "NEWSROOM_MAX_PAGE_BYTES", "Largest uploaded page (413 beyond).", \.maxPageBytes, 1...1_073_741_824),
        seconds("idleTimeoutSeconds", "idle-timeout", "NEWSROOM_IDLE_TIMEOUT", "Seconds an idle keep-alive connection stays open.", \.idleTimeoutSeconds),
        seconds("headerTimeoutSeconds", "header-timeout", "NEWSROOM_HEADER_TIMEOUT", "Seconds to receive a whole header block, from its first byte (408).", \.headerTimeoutSeconds),
        seconds("bodyTimeoutSeconds", "body-timeout", "NEWSROOM_BODY_TIMEOUT", "Seconds to receive a whole body after the headers (408).", \.bodyTimeoutSeconds),
        seconds("shutdownGraceSeconds", "shutdown-grace", "NEWSROOM_SHUTDOWN_GRACE", "Seconds in-flight requests get on SIGTERM/SIGINT.", \.shutdownGraceSeconds),
        seconds("writeTimeoutSeconds", "write-timeout", "NEWSROOM_WRITE_TIMEOUT", "Seconds a client may take none of a pending response before the connection is closed.", \.writeTimeoutSeconds),
        Setting(key: "accessLogFormat", flag: "access-log-format", environment: "NEWSROOM_ACCESS_LOG_FORMAT",
                help: "Access-log lines as text or json.",
                apply: { settings, value throws(SettingError) in
                    guard let format = AccessLogFormat(rawValue: value.lowercased()) else { throw SettingError(description: "'\(value)' is not text or json") }
                    settings.accessLogFormat = format
                },
                current: { $0.accessLogFormat.rawValue }),
        number("accessLogBufferBytes", "access-log-buffer", "NEWSROOM_ACCESS_LOG_BUFFER", "Bytes of log lines each event loop holds for the writer; beyond, lines are dropped and counted.", \.accessLogBufferBytes, 4096...1_073_741_824),
        number("readPoolThreads", "read-threads", "NEWSROOM_READ_THREADS", "Threads of the reads worker pool (searches, first renders); 0 means one per available core.", \.readPoolThreads, 0...1024),
        number("readPoolQueue", "read-queue", "NEWSROOM_READ_QUEUE", "Requests waiting for a reads thread before new ones get 503.", \.readPoolQueue, 1...1_000_000),
        seconds("readDeadlineSeconds", "read-deadline", "NEWSROOM_READ_DEADLINE", "Seconds a pooled read may take, queue included, before 504.", \.readDeadlineSeconds),
        number("writePoolThreads", "write-threads", "NEWSROOM_WRITE_THREADS", "Threads of the writes worker pool (uploads, deletes).", \.writePoolThreads, 1...64),
        number("writePoolQueue", "write-queue", "NEWSROOM_WRITE_QUEUE", "Writes waiting for a thread before new ones get 503.", \.writePoolQueue, 1...100_000),
        flag("writePoolIdlePriority", "write-idle-priority", "NEWSROOM_WRITE_IDLE_PRIORITY", "Run the writes pool under SCHED_IDLE: uploads take only CPU that nothing else wants, so readers keep their latency while pages stream in; but any other busy thread on the host, even at nice 19, slows uploads many times over (off by default; see docs/benchmarks.md).", \.writePoolIdlePriority),
        seconds("writeDeadlineSeconds", "write-deadline", "NEWSROOM_WRITE_DEADLINE", "Seconds a write may take, queue included, before 504.", \.writeDeadlineSeconds),
        seconds("loopLagProbeSeconds", "lag-probe", "NEWSROOM_LAG_PROBE", "Seconds between each event loop's lag measurements (metrics).", \.loopLagProbeSeconds),
    ] }

    /// Defaults, then the file, then the environment, then the flags.
    static func resolve(file: URL?, environment: [String: String], flags: [String: String]) throws(SettingError) -> ServeSettings {
        var settings = ServeSettings()
        if let file, FileManager.default.fileExists(atPath: file.path) {
            guard let data = FileManager.default.contents(atPath: file.path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw SettingError(description: "\(file.path): not a JSON object")
            }
            for (key, value) in object.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("//") {
                guard let setting = table.first(where: { $0.key == key }) else {
                    throw SettingError(description: "\(file.path): unknown key '\(key)'")
                }
                do { try setting.apply(&settings, jsonText(value)) } catch {
                    throw SettingError(description: "\(file.path): \(key): \(error.description)")
                }
            }
        }
        for setting in table {
            if let value = environment[setting.environment] {
                do { try setting.apply(&settings, value) } catch {
                    throw SettingError(description: "\(setting.environment): \(error.description)")
                }
            }
        }
        for setting in table {
            if let value = flags[setting.flag] {
                do { try setting.apply(&settings, value) } catch { throw SettingError(description: "--\(setting.flag): \(error.description)") }
            }
        }
        return settings
    }

    private static func jsonText(_ value: Any) -> String {
        if let list = value as? [Any] { return list.map { "\($0)" }.joined(separator: ",") }
        if let number = value as? NSNumber, number.isBoolean { return number.boolValue ? "true" : "false" }
        if value is NSNull { return "" }
        return "\(value)"
    }

    var serverConfiguration: ServerConfiguration {
        var configuration = ServerConfiguration(host: host, port: port)
        if loops > 0 { configuration.loopCount = loops }
        configuration.backlog = backlog
        configuration.maxConnections = maxConnections
        configuration.maxRequestLineBytes = maxRequestLineBytes
        configuration.maxHeaderBytes = maxHeaderBytes
        configuration.maxHeaderCount = maxHeaderCount
        configuration.maxBodyBytes = max(maxBodyBytes, 0)
        configuration.idleTimeout = idleTimeoutSeconds
        configuration.headerTimeout = headerTimeoutSeconds
        configuration.bodyTimeout = bodyTimeoutSeconds
        configuration.shutdownGracePeriod = shutdownGraceSeconds
        configuration.accessLog = accessLog
        configuration.serverTiming = serverTiming
        configuration.writeTimeout = writeTimeoutSeconds
        configuration.accessLogFormat = accessLogFormat
        configuration.accessLogBufferBytes = accessLogBufferBytes
        configuration.loopLagProbeInterval = loopLagProbeSeconds
        configuration.problemTypeBase = "urn:newsroom:problem:"
        configuration.workerPools = [
            WorkerPoolConfiguration(name: "reads", threads: readPoolThreads == 0 ? ServerConfiguration.availableCores() : readPoolThreads,
                                    queueLimit: readPoolQueue, deadline: readDeadlineSeconds),
            WorkerPoolConfiguration(name: "writes", threads: writePoolThreads, queueLimit: writePoolQueue, deadline: writeDeadlineSeconds,
                                    idlePriority: writePoolIdlePriority),
        ]
        return configuration
    }

    // MARK: - Setting kinds

    private static func optionalText(_ key: String, _ flag: String, _ environment: String, _ help: String,
                                     _ path: WritableKeyPath<ServeSettings, String>) -> Setting {
        Setting(key: key, flag: flag, environment: environment, help: help,
                apply: { settings, value throws(SettingError) in settings[keyPath: path] = value },
                current: { $0[keyPath: path].isEmpty ? "(none)" : $0[keyPath: path] })
    }

    private static func fraction(_ key: String, _ flag: String, _ environment: String, _ help: String,
                                 _ path: WritableKeyPath<ServeSettings, Double>) -> Setting {
        Setting(key: key, flag: flag, environment: environment, help: help,
                apply: { settings, value throws(SettingError) in
                    guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number > 0, number <= 10 else {
                        throw SettingError(description: "'\(value)' is not a number above 0")
                    }
                    settings[keyPath: path] = number
                },
                current: { String($0[keyPath: path]) })
    }

    private static func text(_ key: String, _ flag: String, _ environment: String, _ help: String,
                             _ path: WritableKeyPath<ServeSettings, String>) -> Setting {
        Setting(key: key, flag: flag, environment: environment, help: help,
                apply: { settings, value throws(SettingError) in
                    guard !value.isEmpty else { throw SettingError(description: "must not be empty") }
                    settings[keyPath: path] = value
                },
                current: { $0[keyPath: path] })
    }

    private static func number(_ key: String, _ flag: String, _ environment: String, _ help: String,
                               _ path: WritableKeyPath<ServeSettings, Int>, _ range: ClosedRange<Int>) -> Setting {
        Setting(key: key, flag: flag, environment: environment, help: help,
                apply: { settings, value throws(SettingError) in
                    guard let number = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
                        throw SettingError(description: "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
                    }
                    settings[keyPath: path] = number
                },
                current: { String($0[keyPath: path]) })
    }

    private static func seconds(_ key: String, _ flag: String, _ environment: String, _ help: String,
                                _ path: WritableKeyPath<ServeSettings, Double>) -> Setting {
        Setting(key: key, flag: flag, environment: environment, help: help,
                apply: { settings, value throws(SettingError) in
                    guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number > 0, number <= 86_400 else {
                        throw SettingError(description: "'\(value)' is not a number of seconds above 0")
                    }
                    settings[keyPath: path] = number
                },
                current: { String($0[keyPath: path]) })
    }

    private static func flag(_ key: String, _ flag: String, _ environment: String, _ help: String,
                             _ path: WritableKeyPath<ServeSettings, Bool>) -> Setting {
        Setting(key: key, flag: flag, environment: environment, help: help,
                apply: { settings, value throws(SettingError) in
                    switch value.lowercased() {
                    case "1", "true", "yes", "on": settings[keyPath: path] = true
                    case "0", "false", "no", "off": settings[keyPath: path] = false
                    default: throw SettingError(description: "'\(value)' is not true or false")
                    }
                },
                current: { String($0[keyPath: path]) })
    }

    private static func list(_ key: String, _ flag: String, _ environment: String, _ help: String,
                             _ path: WritableKeyPath<ServeSettings, [String]>) -> Setting {
        Setting(key: key, flag: flag, environment: environment, help: help,
                apply: { settings, value throws(SettingError) in
                    settings[keyPath: path] = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                },
                current: { $0[keyPath: path].isEmpty ? "(none)" : $0[keyPath: path].joined(separator: ",") })
    }
}
