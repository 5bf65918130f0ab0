import CLinux

/// Names the calling thread in the kernel, where top -H, perf and /proc read it: Foundation's
/// `Thread.name` does not reach the kernel on Linux. The kernel keeps 15 bytes.
func nameCurrentThread(_ name: String) {
    _ = clinux_set_thread_name(String(decoding: name.utf8.prefix(15), as: UTF8.self))
}
