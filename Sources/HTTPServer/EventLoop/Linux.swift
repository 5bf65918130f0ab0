import CLinux
import Glibc

/// The Linux-only calls the engine makes, through the `CLinux` shim (Swift's
/// Glibc module does not import epoll, eventfd, signalfd or accept4).
enum Linux {
    static let EPOLLIN = CLINUX_EPOLLIN
    static let EPOLLOUT = CLINUX_EPOLLOUT
    static let EPOLLERR = CLINUX_EPOLLERR
    static let EPOLLHUP = CLINUX_EPOLLHUP
    static let EPOLLRDHUP = CLINUX_EPOLLRDHUP
    static let EPOLLET = CLINUX_EPOLLET
    static let EPOLL_CLOEXEC = CLINUX_EPOLL_CLOEXEC
    static let EFD_CLOEXEC = CLINUX_EFD_CLOEXEC
    static let EFD_NONBLOCK = CLINUX_EFD_NONBLOCK
    static let SOCK_NONBLOCK = CLINUX_SOCK_NONBLOCK
    static let SOCK_CLOEXEC = CLINUX_SOCK_CLOEXEC

    static func epollCreate() -> Int32 { clinux_epoll_create1(CLINUX_EPOLL_CLOEXEC) }

    /// Registers `fd` with its own number as the event's user data.
    static func epollAdd(_ epollFD: Int32, _ fd: Int32, events: UInt32) -> Int32 {
        clinux_epoll_ctl(epollFD, CLINUX_EPOLL_CTL_ADD, fd, events, UInt64(UInt32(bitPattern: fd)))
    }

    static func eventFD(flags: Int32) -> Int32 { clinux_eventfd(0, flags) }

    static func accept4(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: UnsafeMutablePointer<socklen_t>?, _ flags: Int32) -> Int32 {
        clinux_accept4(fd, address, length, flags)
    }
}
