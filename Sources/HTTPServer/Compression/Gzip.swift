import CZlib

/// gzip (RFC 1952) through the system zlib: `deflateInit2` with windowBits 31
/// writes the gzip header and CRC-32 trailer. Whole buffers in, whole buffers
/// out: responses are compressed once and cached, never streamed.
public enum Gzip {
    public enum Failure: Error, Equatable {
        /// Not gzip data, or corrupt.
        case invalidData
        /// Decompressed output would exceed the caller's limit.
        case tooLarge
    }

    /// windowBits 15 (32 KiB window) + 16: gzip wrapper instead of zlib's.
    private static let gzipWindowBits: Int32 = 31

    /// Compresses `bytes`; `level` 1 (fastest) … 9 (smallest), 6 is zlib's default.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(&stream, min(max(level, 0), 9), Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let produced = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                // deflateBound guarantees room for everything in one call.
                let result = deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflate did not finish: \(result)")
                return out.count - Int(stream.avail_out)
            }
        }
        output.removeSubrange(produced...)
        return output
    }

    /// Decompresses a gzip member, refusing output beyond `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int = 64 << 20) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, gzipWindowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .invalidData }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let outcome: Failure? = bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let (result, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    return (result, out.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return .tooLarge }
                switch result {
                case Z_STREAM_END: return nil
                case Z_OK: continue
                case Z_BUF_ERROR where produced > 0: continue
                default: return .invalidData
                }
            }
        }
        if let outcome { throw outcome }
        return output
    }
}
