import Foundation
import Synchronization
import Testing
@testable import HTTPServer

/// A handler that blocks until released, and records what it saw.
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    let entered = Atomic<Int>(0)
    let sawCancellation = Atomic<Bool>(false)

    func wait(_ context: RequestContext, seconds: Double = 5) {
        entered.add(1, ordering: .relaxed)
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if semaphore.wait(timeout: .now() + .milliseconds(10)) == .success { return }
            if context.isCancelled {
                sawCancellation.store(true, ordering: .relaxed)
                return
            }
        }
    }

    func release(_ count: Int = 1) { for _ in 0..<count { semaphore.signal() } }

    var entries: Int { entered.load(ordering: .relaxed) }
}

@Suite("Worker pools", .serialized)
struct WorkerPoolTests {
    private func router(_ gate: Gate) -> Router {
        var router = TestServer.router()
        router.add(.GET, "/gated", pool: "reads") { _, context in
            gate.wait(context)
            return HTTPResponse(body: "gated done cancelled=\(context.isCancelled)")
        }
        router.add(.GET, "/whereami", pool: "reads") { _, context in
            HTTPResponse(body: "offloaded=\(context.isOffloaded) id=\(context.requestID)")
        }
        router.add(.GET, "/cached/{key}", fast: { request, _ in
            request.parameters["key"] == "hit" ? HTTPResponse(body: "fast") : nil
        }, pool: "reads", slow: { _, context in
            HTTPResponse(body: "slow offloaded=\(context.isOffloaded)")
        })
        return router
    }

    private func pools(threads: Int = 1, queue: Int = 4, deadline: Double = 10) -> (inout ServerConfiguration) -> Void {
        { $0.workerPools = [WorkerPoolConfiguration(name: "reads", threads: threads, queueLimit: queue, deadline: deadline), .writes] }
    }

    /// Occupies the pool's only thread with one gated request and queues a second
    /// behind it; returns both connections.
    private func occupyAndQueue(_ server: TestServer, _ gate: Gate) throws -> (running: HTTPClientConnection, waiting: HTTPClientConnection) {
        let running = try server.connect()
        try running.send(.request("GET /gated HTTP/1.1"))
        #expect(eventually { gate.entries == 1 })
        let waiting = try server.connect()
        try waiting.send(.request("GET /gated HTTP/1.1"))
        #expect(queued(server))
        return (running, waiting)
    }

    /// Polls until one request waits in the reads queue.
    private func queued(_ server: TestServer) -> Bool {
        eventually { String(decoding: server.server.metrics.render(), as: UTF8.self).contains(#"http_worker_queue_depth{pool="reads"} 1"#) }
    }

    /// Polls until `condition` holds (at most 5 s).
    private func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    @Test func runsAPooledHandlerOffTheLoop() throws {
        let gate = Gate()
        try withServer(router: router(gate)) { server throws in
            let body = try server.exchange(.request("GET /whereami HTTP/1.1")).bodyText
            #expect(body.hasPrefix("offloaded=true id="))
        }
    }

    @Test func aPooledResponseReportsItsHandlersCPUTimeInServerTiming() throws {
        var router = TestServer.router()
        router.add(.GET, "/spin", pool: "reads") { _, _ in
            // About 20 ms of CPU: the header must carry work, not wall time.
            let until = ThreadCPUClock.now() + 20_000_000
            var spins = 0
            while ThreadCPUClock.now() < until { spins += 1 }
            return HTTPResponse(body: "spun \(spins > 0)")
        }
        router.add(.GET, "/sleep", pool: "reads") { _, _ in
            usleep(50_000)
            return HTTPResponse(body: "slept")
        }
        router.add(.GET, "/inline") { _, _ in HTTPResponse(body: "inline") }
        try withServer(router: router) { server throws in
            let spun = try server.exchange(.request("GET /spin HTTP/1.1"))
            let spent = try #require(Self.cpuMilliseconds(spun.headers["Server-Timing"]))
            #expect(spent >= 20 && spent < 1000)
            // Waiting costs no CPU: the header is not a stopwatch.
            let slept = try server.exchange(.request("GET /sleep HTTP/1.1"))
            #expect(try #require(Self.cpuMilliseconds(slept.headers["Server-Timing"])) < 40)
            // Handlers on the loop are not measured (the syscall would cost the cached path).
            #expect(try server.exchange(.request("GET /inline HTTP/1.1")).headers["Server-Timing"] == nil)
            let metrics = String(decoding: server.server.metrics.render(), as: UTF8.self)
            #expect(metrics.contains(#"http_handler_cpu_seconds_count{route="/spin"} 1"#))
            #expect(metrics.contains(#"http_handler_cpu_seconds_count{route="/sleep"} 1"#))
            #expect(!metrics.contains(#"http_handler_cpu_seconds_count{route="/inline"}"#))
        }
    }

    @Test func serverTimingCanBeSwitchedOffWhileTheMetricStays() throws {
        var router = TestServer.router()
        router.add(.GET, "/pooled", pool: "reads") { _, _ in HTTPResponse(body: "ok") }
        try withServer(router: router, configure: { $0.serverTiming = false }) { server throws in
            #expect(try server.exchange(.request("GET /pooled HTTP/1.1")).headers["Server-Timing"] == nil)
            let metrics = String(decoding: server.server.metrics.render(), as: UTF8.self)
            #expect(metrics.contains(#"http_handler_cpu_seconds_count{route="/pooled"} 1"#))
        }
    }

    @Test func serverTimingSpellsMillisecondsToTheMicrosecond() {
        #expect(ServerTiming.cpu(nanoseconds: 0) == "cpu;dur=0.000")
        #expect(ServerTiming.cpu(nanoseconds: 1_234_567) == "cpu;dur=1.235")
        #expect(ServerTiming.cpu(nanoseconds: 12_000_400) == "cpu;dur=12.000")
        #expect(ServerTiming.cpu(nanoseconds: 5_000) == "cpu;dur=0.005")
    }

    private static func cpuMilliseconds(_ header: String?) -> Double? {
        guard let header, header.hasPrefix("cpu;dur=") else { return nil }
        return Double(header.dropFirst("cpu;dur=".count))
    }

    @Test func threadsCarryTheirNameInTheKernelAndAnIdlePoolRunsUnderSchedIdle() throws {
        var router = TestServer.router()
        for pool in ["reads", "writes"] {
            router.add(.GET, "/thread-\(pool)", pool: pool) { _, _ in
                let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
                return HTTPResponse(body: "\(name.trimmingCharacters(in: .whitespacesAndNewlines)) policy=\(sched_getscheduler(0))")
            }
        }
        router.add(.GET, "/thread-loop") { _, _ in
            let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            return HTTPResponse(body: name.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let configure: (inout ServerConfiguration) -> Void = {
            $0.loopCount = 1
            $0.workerPools = [WorkerPoolConfiguration(name: "reads", threads: 1, queueLimit: 4, deadline: 10),
                              WorkerPoolConfiguration(name: "writes", threads: 1, queueLimit: 4, deadline: 10, idlePriority: true)]
        }
        try withServer(router: router, configure: configure) { server throws in
            // SCHED_OTHER is 0 and SCHED_IDLE 5 in <sched.h>.
            #expect(try server.exchange(.request("GET /thread-reads HTTP/1.1")).bodyText == "pool-reads-0 policy=0")
            #expect(try server.exchange(.request("GET /thread-writes HTTP/1.1")).bodyText == "pool-writes-0 policy=5")
            #expect(try server.exchange(.request("GET /thread-loop HTTP/1.1")).bodyText == "http-loop-0")
        }
    }

    @Test func answersOnTheLoopWhenTheFastPathHasAResponse() throws {
        try withServer(router: router(Gate())) { server throws in
            #expect(try server.exchange(.request("GET /cached/hit HTTP/1.1")).bodyText == "fast")
        }
    }

    @Test func sendsTheRequestToThePoolWhenTheFastPathDeclines() throws {
        try withServer(router: router(Gate())) { server throws in
            #expect(try server.exchange(.request("GET /cached/miss HTTP/1.1")).bodyText == "slow offloaded=true")
        }
    }

    @Test func answers503WithRetryAfterWhenTheQueueIsFull() throws {
        let gate = Gate()
        try withServer(router: router(gate), configure: pools(threads: 1, queue: 1)) { server throws in
            let (running, waiting) = try occupyAndQueue(server, gate)
            let refused = try server.connect()
            try refused.send(.request("GET /gated HTTP/1.1"))
            let response = try refused.readResponse()
            #expect(response.status == 503)
            #expect(response.headers["Retry-After"] == "1")
            #expect(response.headers["Content-Type"] == "application/problem+json")
            #expect(response.bodyText.contains(#""type":"urn:http-engine:problem:queue-full""#))
            // The refusal is an ordinary response: the connection stays usable.
            try refused.send(.request("GET /hello HTTP/1.1"))
            #expect(try refused.readResponse().bodyText == "hello")
            gate.release(2)
            #expect(try running.readResponse().status == 200)
            #expect(try waiting.readResponse().status == 200)
        }
    }

    @Test func answers504AtTheDeadlineAndKeepsTheConnection() throws {
        let gate = Gate()
        try withServer(router: router(gate), configure: pools(deadline: 0.3)) { server throws in
            let c = try server.connect()
            try c.send(.request("GET /gated HTTP/1.1"))
            let response = try c.readResponse()
            #expect(response.status == 504)
            #expect(response.bodyText.contains(#""type":"urn:http-engine:problem:timeout""#))
            #expect(response.headers["Connection"] == nil)
            try c.send(.request("GET /hello HTTP/1.1"))
            #expect(try c.readResponse().bodyText == "hello")
        }
    }

    @Test func cancelsTheHandlerAtTheDeadlineAndDropsItsLateResult() throws {
        let gate = Gate()
        try withServer(router: router(gate), configure: pools(deadline: 0.3)) { server throws in
            let c = try server.connect()
            try c.send(.request("GET /gated HTTP/1.1"))
            #expect(try c.readResponse().status == 504)
            #expect(eventually { gate.sawCancellation.load(ordering: .relaxed) })
            // The handler's own answer ("gated done") never reaches the client.
            try c.send(.request("GET /articles/5 HTTP/1.1"))
            #expect(try c.readResponse().bodyText == "article:5")
        }
    }

    @Test func neverRunsARequestCancelledWhileQueued() throws {
        let gate = Gate()
        try withServer(router: router(gate), configure: pools(threads: 1, queue: 4)) { server throws in
            let (running, leaving) = try occupyAndQueue(server, gate)
            leaving.close()
            let metrics = server.server.metrics
            #expect(eventually { String(decoding: metrics.render(), as: UTF8.self).contains(#"http_cancelled_requests_total{reason="client_gone"} 1"#) })
            gate.release()
            #expect(try running.readResponse().status == 200)
            #expect(eventually { String(decoding: metrics.render(), as: UTF8.self).contains("http_worker_skipped_total 1\n") })
            #expect(gate.entries == 1)
        }
    }

    @Test func cancelsARunningHandlerWhenItsClientGoesAway() throws {
        let gate = Gate()
        try withServer(router: router(gate)) { server throws in
            let c = try server.connect()
            try c.send(.request("GET /gated HTTP/1.1"))
            #expect(eventually { gate.entries == 1 })
            c.close()
            #expect(eventually { gate.sawCancellation.load(ordering: .relaxed) })
        }
    }

    @Test func aHalfCloseBehindPipelinedRequestsDoesNotCancel() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send(.request("GET /slow?ms=200 HTTP/1.1") + .request("GET /hello HTTP/1.1"))
            c.shutdownWrite()
            let raw = String(decoding: try c.readUntilClose(), as: UTF8.self)
            #expect(statuses(raw) == [200, 200])
            #expect(raw.hasSuffix("hello"))
        }
    }
}

@Suite("Job queue")
struct JobQueueTests {
    final class Log: Sendable {
        let values = Mutex<[Int]>([])
    }

    private func job(_ log: Log, _ n: Int) -> WorkerPool.Job {
        WorkerPool.Job(token: CancellationToken()) { log.values.withLock { $0.append(n) } }
    }

    @Test func popsInArrivalOrderAcrossGrowth() {
        let log = Log()
        var queue = JobQueue()
        for n in 0..<5 { queue.push(job(log, n)) }
        queue.pop()?.run()
        queue.pop()?.run()
        for n in 5..<20 { queue.push(job(log, n)) }
        while let next = queue.pop() { next.run() }
        #expect(log.values.withLock { $0 } == Array(0..<20))
        #expect(queue.count == 0)
    }

    @Test func aTokenCancelledBeforeItStartsRefusesToStart() {
        let token = CancellationToken()
        token.cancel()
        #expect(!token.start())
        #expect(CancellationToken().start())
    }
}
