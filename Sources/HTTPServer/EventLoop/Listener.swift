import Glibc

/// Listening sockets. Each event loop gets its own listener on the same
/// address with SO_REUSEPORT, rather than one acceptor thread handing
/// connections out: the kernel spreads incoming connections across the
/// listeners, so accepts need no cross-thread handoff or lock, there is no
/// thundering herd on one shared socket, and a connection lives its whole life
/// on the loop (and CPU cache) that accepted it. The cost, a connection queued
/// on a busy loop cannot be stolen by an idle one, is acceptable for short
/// requests and is what nginx's `reuseport` does.
enum Listener {
    /// SO_REUSEPORT lets any process of the same user bind the same port and silently take a
    /// share of its connections. Before joining a port, bind it once without SO_REUSEPORT: if
    /// anyone holds it, that fails with EADDRINUSE and the server refuses to start instead of
    /// splitting traffic with a stranger.
    static func ensureFree(host: String, port: Int) throws(HTTPServerError) {
        guard port != 0 else { return }
        let address = try SocketAddress.resolve(host: host, port: port)
        let described = address.family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Linux.SOCK_CLOEXEC, 0)
        guard fd >= 0 else { throw .socketFailed(described, errno: errno) }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.withSockaddr { bind(fd, $0, $1) }
        guard bound == 0 else { throw .bindFailed(described, errno: errno) }
    }

    static func open(host: String, port: Int, backlog: Int) throws(HTTPServerError) -> Int32 {
        let address = try SocketAddress.resolve(host: host, port: port)
        let described = address.family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC, 0)
        guard fd >= 0 else { throw .socketFailed(described, errno: errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
        // Accepted sockets inherit Nagle's setting from the listener on Linux;
        // set it here and again per connection to be sure.
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.withSockaddr { bind(fd, $0, $1) }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw .bindFailed(described, errno: code)
        }
        guard listen(fd, Int32(clamping: backlog)) == 0 else {
            let code = errno
            close(fd)
            throw .listenFailed(described, errno: code)
        }
        return fd
    }
}
