import Foundation
import Testing

@testable import DXCore

@Suite("Wilson score interval")
struct SurveyWilsonTests {
    @Test("matches a hand-computed interval for 市民サービスの向上 (569 of 1,201)")
    func handComputed() throws {
        // z = 1.959963984540054, z² = 3.841458820694125
        // p̂ = 569 / 1201                         = 0.473771856786011657
        // 1 + z²/n = 1 + 3.841458820694125/1201   = 1.003198550225390612
        // p̂ + z²/2n = 0.473771856786011657 + 0.001599275112695306
        //                                         = 0.475371131898706963
        // centre = 0.475371131898706963 / 1.003198550225390612
        //                                         = 0.473855481342057747
        // p̂(1−p̂)/n + z²/4n² = 0.000207919089034437 + 0.000000662801939663
        //                                         = 0.000208252890974100
        // √ of that                               = 0.014430969855629942
        // half-width = z × 0.014430969855629942 / 1.003198550225390612
        //                                         = 0.028194001249965129
        // low  = 0.473855481342057747 − 0.028194001249965129 = 0.445661480092092618
        // high = 0.473855481342057747 + 0.028194001249965129 = 0.502049482592022876
        let ci = try Wilson.interval(successes: 569, trials: 1201)
        #expect(abs(ci.low - 0.445661480092092618) < 1e-12)
        #expect(abs(ci.high - 0.502049482592022876) < 1e-12)
    }

    @Test("is not symmetric around p̂: it leans toward one half")
    func leansToHalf() throws {
        let ci = try Wilson.interval(successes: 5, trials: 1201)
        let p = 5.0 / 1201
        #expect(ci.high - p > p - ci.low)
    }

    @Test("with no successes the lower bound is exactly 0")
    func zeroSuccesses() throws {
        let ci = try Wilson.interval(successes: 0, trials: 1201)
        #expect(ci.low == 0)
        // z² / (n + z²), the textbook closed form at k = 0.
        let z2 = Wilson.z95 * Wilson.z95
        #expect(abs(ci.high - z2 / (1201 + z2)) < 1e-15)
    }

    @Test("when everyone succeeds the upper bound is exactly 1")
    func allSuccesses() throws {
        let ci = try Wilson.interval(successes: 1201, trials: 1201)
        #expect(ci.high == 1)
        let z2 = Wilson.z95 * Wilson.z95
        #expect(abs(ci.low - 1201 / (1201 + z2)) < 1e-15)
    }

    @Test("with no trials there is no interval")
    func noTrials() {
        #expect(throws: Wilson.Failure.noTrials) { try Wilson.interval(successes: 0, trials: 0) }
    }

    @Test("more successes than trials, or fewer than none, is rejected")
    func outOfRange() {
        #expect(throws: Wilson.Failure.successesOutOfRange(successes: 1202, trials: 1201)) {
            try Wilson.interval(successes: 1202, trials: 1201)
        }
        #expect(throws: Wilson.Failure.successesOutOfRange(successes: -1, trials: 1201)) {
            try Wilson.interval(successes: -1, trials: 1201)
        }
    }

    @Test("always stays inside [0, 1] and contains p̂")
    func bounded() throws {
        for n in [1, 2, 7, 1201] {
            for k in 0...n {
                let ci = try Wilson.interval(successes: k, trials: n)
                let p = Double(k) / Double(n)
                #expect(0 <= ci.low && ci.low <= p && p <= ci.high && ci.high <= 1)
            }
        }
    }

    @Test("serialises as [low, high]")
    func encoding() throws {
        let json = try String(decoding: JSONEncoder().encode(ConfidenceInterval(low: 0.25, high: 0.5)), as: UTF8.self)
        #expect(json == "[0.25,0.5]")
    }
}
