// Helpers shared by the numerics tests.
@testable import H2Numerics

/// Approximate comparison with a stated error budget: |a − b| ≤ absolute + relative·|b|.
func isClose(_ a: Double, _ b: Double, absolute: Double = 0, relative: Double = 0) -> Bool {
    abs(a - b) <= absolute + relative * abs(b)
}

/// The kind of NumericsError `body` throws; nil when it returns normally. Any other error type
/// gives nil too, so an #expect comparing kinds fails.
func errorKind(_ body: () throws -> Void) -> NumericsError.Kind? {
    do { try body(); return nil } catch { return (error as? NumericsError)?.kind }
}
