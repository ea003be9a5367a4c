import DXCore

/// What the evaluation and budget routes share.
enum TrackingRoutes {
    /// The 412 naming the precondition that failed against the row the store saw.
    static func failure(_ conditions: Preconditions, method: String, etag: String?, modifiedAt: Int?) -> APIError {
        if case .failed(let field) = conditions.evaluate(etag: etag, modifiedAt: modifiedAt, method: method) {
            return Preconditions.failure(field, etag: etag, modifiedAt: modifiedAt)
        }
        // The row moved on between the write and this read: still a failed precondition.
        return TrackingStoreError.preconditionFailed(version: nil, updatedAt: nil).apiError
    }
}
