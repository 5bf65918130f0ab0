/// How access-log lines are written.
public enum AccessLogFormat: String, Sendable, CaseIterable {
    /// `TIME CLIENT REQUEST_ID METHOD ROUTE PATH STATUS BYTES DURATIONus`, space-separated.
    case text
    /// One JSON object per line: time, client, request_id, method, route, path, status, bytes, duration_us.
    case json
}

/// Receives batches of access-log lines (each ending in "\n") instead of stdout.
public typealias AccessLogSink = @Sendable (String) -> Void
