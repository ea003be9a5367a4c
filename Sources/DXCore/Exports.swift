// DXCore's users see the date and instant values through it (`CalendarDate`, `RFC3339Instant`),
// as they did before those moved into DXTime, which the engine shares.
@_exported import DXTime
