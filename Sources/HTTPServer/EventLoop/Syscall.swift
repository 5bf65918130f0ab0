import Glibc

/// What a non-blocking read, write or accept did.
enum IOResult: Equatable {
    /// The call's return value: bytes moved, or a descriptor; 0 from a read is end of stream.
    case processed(Int)
    /// EAGAIN/EWOULDBLOCK: try again after the next readiness edge.
    case wouldBlock
}

/// An errno the caller is expected to handle (ECONNRESET, EPIPE, EMFILE, …).
struct SyscallError: Error, CustomStringConvertible {
    let call: StaticString
    let code: Int32

    var description: String { "\(call) failed: \(HTTPServerError.reason(code))" }
}

/// Runs a system call that returns -1 and sets errno on failure, the way
/// swift-nio's `syscall(blocking:)` does: EINTR is retried, EAGAIN becomes
/// `.wouldBlock`, and errors that only a bug in this process can cause (a
/// closed or foreign descriptor, a bad pointer) stop the process instead of
/// being mistaken for a client going away.
@inline(__always)
func syscall(_ call: StaticString, _ body: () -> Int) throws(SyscallError) -> IOResult {
    while true {
        let result = body()
        if result >= 0 { return .processed(result) }
        let code = errno
        switch code {
        case EINTR:
            continue
        case EAGAIN, EWOULDBLOCK:
            return .wouldBlock
        case EBADF, EFAULT, ENOTSOCK:
            preconditionFailure("\(call) failed with \(HTTPServerError.reason(code)): a bug in the engine")
        default:
            throw SyscallError(call: call, code: code)
        }
    }
}
