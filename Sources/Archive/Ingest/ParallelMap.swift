import Dispatch
import Foundation
import Synchronization

/// Maps `items` on every core, keeping their order: the offline build and start-up parse and
/// analyse pages this way. `progress` is told after each item (from any thread).
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], threads: Int = ProcessInfoCores.count,
                                           progress: @Sendable (Int) -> Void = { _ in },
                                           _ transform: @Sendable (T) -> R) -> [R] {
    guard !items.isEmpty else { return [] }
    let results = Mutex<[Int: R]>([:])
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, items.count))) { _ in
        var local: [(Int, R)] = []
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < items.count else { break }
            local.append((index, transform(items[index])))
            progress(done.add(1, ordering: .relaxed).newValue)
            if local.count >= 64 {
                let batch = local
                results.withLock { for (index, value) in batch { $0[index] = value } }
                local.removeAll(keepingCapacity: true)
            }
        }
        let batch = local
        results.withLock { for (index, value) in batch { $0[index] = value } }
    }
    return results.withLock { map in (0..<items.count).map { map[$0]! } }
}

/// Cores this process may run on.
public enum ProcessInfoCores {
    public static var count: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// A value computed on its own thread, for start-up work that does not depend on the rest.
final class InBackground<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once before `done` is signalled, read only after waiting for it.
    private var result: Result<Value, Failure>?

    init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        Thread.detachNewThread { [self] in
            do throws(Failure) { result = .success(try work()) } catch { result = .failure(error) }
            done.signal()
        }
    }

    /// Waits for the value.
    func value() -> Result<Value, Failure> {
        done.wait()
        done.signal()
        return result!
    }
}
