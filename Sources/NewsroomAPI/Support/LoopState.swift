import Archive
import HTTPServer
import Synchronization

/// What an event loop keeps between requests: the archive snapshot it serves and the ready
/// responses made from that snapshot.
final class LoopState {
    var generation = Int.min
    var snapshot: ArchiveSnapshot?
    var responses: [String: CachedResponse] = [:]
}

struct CachedResponse {
    var status: HTTPStatus
    var headers: HTTPHeaders
    var body: [UInt8]
    var etag: String
}

/// One `LoopState` per event loop. The engine runs a route's handler on the loop thread that owns
/// the connection (pooled routes never come here), so each state is only ever touched by one
/// thread and needs no lock: the read path costs one atomic load of the archive generation.
final class LoopStates: @unchecked Sendable {
    private let states: [LoopState]
    /// For requests from outside the loops (pooled handlers, tests calling handlers directly).
    private let spare = Mutex<Void>(())
    private let spareState = LoopState()
    let archive: Archive
    let capacity: Int

    init(archive: Archive, loops: Int, capacity: Int) {
        self.archive = archive
        self.capacity = capacity
        states = (0..<max(1, loops)).map { _ in LoopState() }
    }

    /// Runs `body` with the calling loop's state, refreshed to the archive's current snapshot.
    func with<T>(_ context: RequestContext, _ body: (LoopState, ArchiveSnapshot) -> T) -> T {
        if !context.isOffloaded, context.loopIndex >= 0, context.loopIndex < states.count {
            return run(states[context.loopIndex], body)
        }
        return spare.withLock { _ in run(spareState, body) }
    }

    private func run<T>(_ state: LoopState, _ body: (LoopState, ArchiveSnapshot) -> T) -> T {
        let generation = archive.generation
        if state.generation != generation || state.snapshot == nil {
            state.snapshot = archive.snapshot()
            state.generation = generation
            state.responses.removeAll(keepingCapacity: true)
        }
        return body(state, state.snapshot!)
    }
}
