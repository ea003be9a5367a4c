/// Wilson score interval for a binomial proportion.
///
/// Chosen over the textbook normal (Wald) interval because survey options here range from a
/// handful of answers (10代: 5 of 1,201) to most of them, and Wald collapses to a zero-width or
/// negative interval near 0 and 1 where Wilson stays inside [0, 1] and keeps its coverage.
public enum Wilson {
    /// The 97.5th percentile of the standard normal distribution, for a two-sided 95 % interval.
    public static let z95 = 1.959963984540054

    public enum Failure: Error, Equatable, Sendable {
        /// With no trials there is no proportion to bound.
        case noTrials
        case successesOutOfRange(successes: Int, trials: Int)
    }

    /// The interval for p̂ = successes / trials:
    /// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), clamped to [0, 1] against rounding.
    public static func interval(
        successes: Int, trials: Int, z: Double = z95
    ) throws(Failure) -> ConfidenceInterval {
        guard trials > 0 else { throw .noTrials }
        guard (0...trials).contains(successes) else {
            throw .successesOutOfRange(successes: successes, trials: trials)
        }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let halfWidth = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At k = 0 and k = n the exact bound is 0 or 1, but the subtraction can land a few ulps
        // outside; pin those so clients never see -1e-17.
        let low = successes == 0 ? 0 : max(0, center - halfWidth)
        let high = successes == trials ? 1 : min(1, center + halfWidth)
        return ConfidenceInterval(low: low, high: high)
    }
}
