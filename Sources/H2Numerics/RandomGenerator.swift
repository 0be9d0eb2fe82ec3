// Seeded pseudo-random numbers from GSL's Mersenne Twister (gsl_rng_mt19937).
import CGSL

/// A Mersenne Twister (MT19937) generator owned by one thread at a time.
///
/// Reproducibility across sharding and core counts: give every Monte Carlo sample its own
/// generator, `RandomGenerator(seed: runSeed, stream: sampleIndex)`. Its numbers depend only on
/// (seed, stream), never on which shard or thread draws them or in what order.
///
/// Not `Sendable`: the C state changes on every draw. Make one per thread (or per sample) and
/// never share it; `reseed(seed:stream:)` reuses one generator's memory across samples.
public final class RandomGenerator {
    private let rng: UnsafeMutablePointer<gsl_rng>

    /// A generator seeded exactly as `gsl_rng_set(r, seed)` would seed it when `seed` fits in 32
    /// bits (the reference `init_genrand`, so seed 1 gives the same sequence as C++
    /// `std::mt19937(1)` and NumPy's `RandomState(1)`; GSL maps seed 0 to its default 4357).
    /// Wider seeds use all 64 bits through the reference `init_by_array` with the seed's two
    /// 32-bit halves (low half first), because `gsl_rng_set` would silently drop the high half.
    public init(seed: UInt64) {
        rng = Self.allocate()
        if seed <= UInt64(UInt32.max) {
            gsl_rng_set(rng, UInt(seed))
        } else {
            setStateByArray([UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)])
        }
    }

    /// A generator for stream `stream` (e.g. the Monte Carlo sample index) of the run seeded
    /// with `seed`. Distinct (seed, stream) pairs give distinct 128-bit seeding keys.
    public init(seed: UInt64, stream: UInt64) {
        rng = Self.allocate()
        reseed(seed: seed, stream: stream)
    }

    deinit { gsl_rng_free(rng) }

    /// Re-initialises this generator as `RandomGenerator(seed: seed, stream: stream)` would be,
    /// without allocating.
    ///
    /// The (seed, stream) pair is mixed with the SplitMix64 finaliser into 128 bits that seed the
    /// full 19,937-bit state through the reference `init_by_array`. GSL's own `gsl_rng_set` keeps
    /// only 32 bits of a seed, so 100,000 per-sample seeds would by the birthday bound already
    /// collide about once (two samples silently identical); mixing into 128 bits avoids that.
    /// The mixing is a bijection (seed → m1) followed by one keyed by m1 (stream → m2), so
    /// distinct pairs give distinct keys.
    public func reseed(seed: UInt64, stream: UInt64) {
        let m1 = splitMix64(seed)
        let m2 = splitMix64(stream ^ m1)
        setStateByArray([
            UInt32(truncatingIfNeeded: m1), UInt32(truncatingIfNeeded: m1 >> 32),
            UInt32(truncatingIfNeeded: m2), UInt32(truncatingIfNeeded: m2 >> 32),
        ])
    }

    /// The next raw 32-bit output of MT19937 (gsl_rng_get).
    public func nextUInt32() -> UInt32 { UInt32(truncatingIfNeeded: gsl_rng_get(rng)) }

    /// Uniform on [0, 1): the next 32-bit output divided by 2³² (gsl_rng_uniform).
    public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// Uniform on (0, 1), never exactly 0 (gsl_rng_uniform_pos): safe to feed to an inverse CDF
    /// whose value at 0 is infinite, such as the normal quantile.
    public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// A normal draw with the given mean and standard deviation (GSL's ziggurat method,
    /// gsl_ran_gaussian_ziggurat, which consumes a variable number of uniforms per draw).
    public func gaussian(mean: Double = 0, sd: Double = 1) -> Double {
        mean + gsl_ran_gaussian_ziggurat(rng, sd)
    }

    private static func allocate() -> UnsafeMutablePointer<gsl_rng> {
        _ = gslErrorHandlerIsOff
        // Allocation of ~5 kB failing means the process is out of memory; nothing sensible remains.
        guard let r = gsl_rng_alloc(cgsl_rng_mt19937()) else { fatalError("RandomGenerator: out of memory") }
        return r
    }

    /// Writes the reference MT19937 `init_by_array` state (Matsumoto & Nishimura, 2002) into
    /// GSL's state. GSL has no entry point for array seeding, so this relies on the layout of
    /// its `mt_state_t { unsigned long mt[624]; int mti; }`, checked by size here and by the
    /// tests against NumPy's independent `init_by_array`.
    func setStateByArray(_ key: [UInt32]) {
        let n = 624
        let stateSize = n * MemoryLayout<CUnsignedLong>.stride + MemoryLayout<CInt>.stride
        precondition(gsl_rng_size(rng) >= stateSize
                     && gsl_rng_size(rng) <= stateSize + MemoryLayout<CUnsignedLong>.stride,
                     "RandomGenerator: unexpected GSL mt19937 state layout")
        var mt = [UInt32](repeating: 0, count: n)
        mt[0] = 19_650_218
        for i in 1..<n {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        var i = 1, j = 0
        for _ in 0..<max(n, key.count) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= n { mt[0] = mt[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= n { mt[0] = mt[n - 1]; i = 1 }
        }
        mt[0] = 0x8000_0000 // most significant bit set: the state is never all zero
        let state = gsl_rng_state(rng)!
        let words = state.bindMemory(to: CUnsignedLong.self, capacity: n)
        for k in 0..<n { words[k] = CUnsignedLong(mt[k]) }
        // mti = N: the next draw regenerates the whole block, as after gsl_rng_set.
        (state + n * MemoryLayout<CUnsignedLong>.stride).bindMemory(to: CInt.self, capacity: 1).pointee = CInt(n)
    }
}

/// The SplitMix64 output function (Steele, Lea & Flood 2014) applied to `x + golden gamma`:
/// a bijection on 64-bit integers that scatters nearby inputs (stream 0, 1, 2, ...) widely.
func splitMix64(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// A tiny pure-Swift generator for reproducible test instances and benchmarks: SplitMix64,
/// the same sequence on every platform (Swift's own `SystemRandomNumberGenerator` is not seeded).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        let output = splitMix64(state)
        state &+= 0x9E37_79B9_7F4A_7C15
        return output
    }
}
