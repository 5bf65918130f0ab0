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
