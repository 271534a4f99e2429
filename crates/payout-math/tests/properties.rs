//! The wide arithmetic against u128, and the money invariants over random inputs.
use payout_math::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn mul_wide_matches_u128(a: u64, b: u64) {
        let p = u128::from(a) * u128::from(b);
        prop_assert_eq!(mul_wide(a, b), ((p >> 64) as u64, p as u64));
    }

    #[test]
    fn div_wide_matches_u128(hi: u64, lo: u64, d in 1u64..) {
        let n = (u128::from(hi) << 64) | u128::from(lo);
        let ((q_hi, q_lo), r) = div_wide(hi, lo, d).unwrap();
        prop_assert_eq!((u128::from(q_hi) << 64) | u128::from(q_lo), n / u128::from(d));
        prop_assert_eq!(u128::from(r), n % u128::from(d));
    }

    #[test]
    fn div_wide_small_divisors(hi: u64, lo: u64, d in 1u64..70_000) {
        let n = (u128::from(hi) << 64) | u128::from(lo);
        let ((q_hi, q_lo), r) = div_wide(hi, lo, d).unwrap();
        prop_assert_eq!((u128::from(q_hi) << 64) | u128::from(q_lo), n / u128::from(d));
        prop_assert_eq!(u128::from(r), n % u128::from(d));
    }

    #[test]
    fn bps_of_matches_u128(amount: u64, bps in 0u16..=10_000) {
        prop_assert_eq!(u128::from(bps_of(amount, bps)), u128::from(amount) * u128::from(bps) / 10_000);
    }

    /// Conservation: the treasury and the parts add up to the amount, exactly; no part is more
    /// than its share of what is left after the protocol fee.
    #[test]
    fn split_conserves_the_amount(amount: u64, protocol in 0u16..=1_000, raw in prop::collection::vec(1u16..5_000, 1..=10)) {
        let total: u32 = raw.iter().map(|b| u32::from(*b)).sum();
        // Scale the random shares to sum to exactly 10,000.
        let mut shares: Vec<u16> = raw.iter().map(|b| (u32::from(*b) * 10_000 / total) as u16).collect();
        let short = 10_000 - shares.iter().map(|b| u32::from(*b)).sum::<u32>();
        shares[0] += short as u16;
        let s = split(amount, protocol, &shares).unwrap();
        prop_assert_eq!(u128::from(s.treasury()) + s.parts().iter().map(|p| u128::from(*p)).sum::<u128>(), u128::from(amount));
        let protocol_fee = (u128::from(amount) * u128::from(protocol) / 10_000) as u64;
        prop_assert_eq!(s.protocol, protocol_fee);
        let rest = amount - protocol_fee;
        for (part, bps) in s.parts().iter().zip(&shares) {
            prop_assert_eq!(u128::from(*part), u128::from(rest) * u128::from(*bps) / 10_000);
        }
        prop_assert!(s.dust < shares.len() as u64);
    }

    /// Positions enrolled at random times, paid at random times, claiming at random times: no
    /// position is ever paid more than its exact share, and what all of them can claim falls
    /// short of what came in by less than one unit per position.
    #[test]
    fn accumulator_never_over_pays(ops in prop::collection::vec((0u8..3, 1u64..1_000_000, 0usize..8), 1..200)) {
        let mut acc = Accumulator::default();
        let mut total_weight = 0u64;
        // (weight, checkpoint, fraction, claimed)
        let mut positions: Vec<(u64, u128, u64, u64)> = Vec::new();
        let mut paid_in = 0u128;
        let mut waiting = 0u64;
        for (op, x, pick) in ops {
            match op {
                0 => { // enrol a position
                    positions.push((x, acc.reward_per_weight, 0, 0));
                    total_weight += x;
                    if waiting > 0 {
                        acc = distribute(acc, waiting, total_weight).unwrap();
                        waiting = 0;
                    }
                }
                1 => { // a payment
                    paid_in += u128::from(x);
                    if total_weight == 0 { waiting += x; } else {
                        acc = distribute(acc, x, total_weight).unwrap();
                    }
                }
                _ => if !positions.is_empty() { // a claim
                    let n = positions.len();
                    let p = &mut positions[pick % n];
                    let (amount, fraction) = accrue(p.0, p.1, acc.reward_per_weight, p.2).unwrap();
                    p.1 = acc.reward_per_weight; p.2 = fraction; p.3 += amount;
                }
            }
        }
        let mut owed_total = 0u128;
        for p in &positions {
            let (rest, _) = accrue(p.0, p.1, acc.reward_per_weight, p.2).unwrap();
            owed_total += u128::from(p.3 + rest);
        }
        prop_assert!(owed_total + u128::from(waiting) <= paid_in);
        prop_assert!(paid_in - owed_total - u128::from(waiting) <= positions.len() as u128 + 1);
    }
}
