// Elementary functions without Foundation, so H2Model stays free of platform libraries.
// The C math library is what Foundation calls underneath.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

@inlinable func _exp(_ x: Double) -> Double { exp(x) }
@inlinable func _log(_ x: Double) -> Double { log(x) }
@inlinable func _log1p(_ x: Double) -> Double { log1p(x) }
@inlinable func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
