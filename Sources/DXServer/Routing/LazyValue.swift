import DXSync

/// A value made on first use, once, by whichever thread asks first; the others wait for it.
///
/// For start-up work the first response does not need (issue 9: assembling the OpenAPI
/// document and reading its query-parameter rules were a third of the time to the first 200).
final class LazyValue<Value: Sendable>: Sendable {
    private let state: Locked<Value?>
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.state = Locked(nil)
        self.make = make
    }

    init(ready value: Value) {
        self.state = Locked(value)
        self.make = { value }
    }

    /// The value, made now under the lock if nobody made it yet.
    var value: Value {
        state.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
