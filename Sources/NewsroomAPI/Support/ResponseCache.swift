import HTTPServer
import Synchronization

/// A ready response: body (and its gzip form, made once), validators, headers.
struct CachedResponse: Sendable {
    var status: HTTPStatus
    var headers: HTTPHeaders
    var body: [UInt8]
    var gzipped: [UInt8]?
    var etag: String
    var lastModified: String?

    var byteCount: Int { body.count + (gzipped?.count ?? 0) + 256 }
}

/// Ready responses of the current archive state, shared by every event loop and capped by bytes
/// (not entries, so a few huge answers cannot take the memory of thousands of small ones). Keys
/// are request targets; an entry made for another state is never served. Sharded, each shard a
/// short critical section, so loops rarely meet on a lock; oldest entries go first.
final class ResponseCache: Sendable {
    private final class Shard: Sendable {
        struct Contents {
            var entries: [String: (generation: Int, response: CachedResponse)] = [:]
            var order: [String] = []
            var head = 0
            var bytes = 0
        }
        let contents = Mutex(Contents())
    }

    private let shards: [Shard]
    private let shardCapacity: Int
    /// Responses larger than this are not kept.
    let maxEntryBytes: Int
    let hits = Atomic<Int>(0)
    let misses = Atomic<Int>(0)

    init(capacityBytes: Int, shards count: Int = 16) {
        shards = (0..<count).map { _ in Shard() }
        shardCapacity = max(0, capacityBytes) / count
        maxEntryBytes = max(0, capacityBytes / 8)
    }

    private func shard(_ key: String) -> Shard {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return shards[Int(hash % UInt64(shards.count))]
    }

    func get(_ key: String, generation: Int) -> CachedResponse? {
        let found = shard(key).contents.withLock { contents -> CachedResponse? in
            guard let entry = contents.entries[key], entry.generation == generation else { return nil }
            return entry.response
        }
        if found == nil { misses.add(1, ordering: .relaxed) } else { hits.add(1, ordering: .relaxed) }
        return found
    }

    func put(_ key: String, generation: Int, _ response: CachedResponse) {
        let size = response.byteCount + key.utf8.count
        guard shardCapacity > 0, size <= maxEntryBytes else { return }
        shard(key).contents.withLock { contents in
            if let old = contents.entries.updateValue((generation, response), forKey: key) {
                contents.bytes -= old.response.byteCount + key.utf8.count
            } else {
                contents.order.append(key)
            }
            contents.bytes += size
            while contents.bytes > shardCapacity, contents.head < contents.order.count {
                let oldest = contents.order[contents.head]
                contents.head += 1
                if oldest != key, let removed = contents.entries.removeValue(forKey: oldest) {
                    contents.bytes -= removed.response.byteCount + oldest.utf8.count
                }
            }
            // Compact the order list now and then so it does not grow without bound.
            if contents.head > 1024, contents.head * 2 > contents.order.count {
                contents.order = contents.order[contents.head...].filter { contents.entries[$0] != nil }
                contents.head = 0
            }
        }
    }

    /// Bytes held, for metrics.
    var bytes: Int { shards.reduce(0) { total, shard in total + shard.contents.withLock { $0.bytes } } }

    /// Entries held, for metrics.
    var count: Int { shards.reduce(0) { total, shard in total + shard.contents.withLock { $0.entries.count } } }
}
