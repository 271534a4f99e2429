//! Exact integer arithmetic for the money path of `attribution_payout`, shared with its host-side
//! model and tests.
//!
//! Upstream LLVM's BPF backend cannot compile u128 multiplication or division, so there is none
//! here: wide products and quotients are built from 64-bit pieces ([`mul_wide`], [`div_wide`]) and
//! tested against u128 on the host. Every division floors, and every remainder is handed back to
//! the caller so that nothing is lost: [`split`]'s parts sum to the amount exactly, and the reward
//! accumulator ([`distribute`], [`accrue`]) carries its remainders forward instead of dropping them.
#![no_std]

/// Basis points in a whole.
pub const BPS_DENOMINATOR: u64 = 10_000;
/// At most this many recipients in one split: owner, operator and 8 lineage entries.
pub const MAX_SPLIT_PARTS: usize = 10;

const LOW32: u64 = 0xffff_ffff;

/// The 128-bit product of `a` and `b`, as (high, low) 64-bit halves.
pub fn mul_wide(a: u64, b: u64) -> (u64, u64) {
    let (a_lo, a_hi) = (a & LOW32, a >> 32);
    let (b_lo, b_hi) = (b & LOW32, b >> 32);
    // Each 32×32 product fits in 64 bits, and so do the sums below (at most 3 × (2^32 − 1)).
    let ll = a_lo.wrapping_mul(b_lo);
    let lh = a_lo.wrapping_mul(b_hi);
    let hl = a_hi.wrapping_mul(b_lo);
    let hh = a_hi.wrapping_mul(b_hi);
    let mid = (ll >> 32).wrapping_add(lh & LOW32).wrapping_add(hl & LOW32);
    let lo = (ll & LOW32) | (mid << 32);
    let hi = hh.wrapping_add(lh >> 32).wrapping_add(hl >> 32).wrapping_add(mid >> 32);
    (hi, lo)
}

/// Divides the 128-bit `(hi, lo)` by `d`: the quotient as (high, low) halves and the remainder.
/// `None` when `d` is zero.
pub fn div_wide(hi: u64, lo: u64, d: u64) -> Option<((u64, u64), u64)> {
    if d == 0 {
        return None;
    }
    let (q_hi, r) = (hi / d, hi % d);
    let (q_lo, r) = div_128_by_64(r, lo, d);
    Some(((q_hi, q_lo), r))
}

/// `(u1·2^64 + u0) / v` for `u1 < v` (so the quotient fits in 64 bits): Knuth's algorithm D with
/// 32-bit digits, as `divlu` in Hacker's Delight (2nd ed., fig. 9–3).
fn div_128_by_64(u1: u64, u0: u64, v: u64) -> (u64, u64) {
    debug_assert!(u1 < v);
    const B: u64 = 1 << 32;
    let s = v.leading_zeros();
    let v = v << s; // normalise: the top bit of v is set
    let (vn1, vn0) = (v >> 32, v & LOW32);
    let un32 = if s == 0 { u1 } else { (u1 << s) | (u0 >> (64 - s)) };
    let un10 = u0 << s;
    let (un1, un0) = (un10 >> 32, un10 & LOW32);

    let mut q1 = un32 / vn1;
    let mut rhat = un32 - q1.wrapping_mul(vn1);
    while q1 >= B || q1.wrapping_mul(vn0) > (rhat << 32) | un1 {
        q1 -= 1;
        rhat += vn1;
        if rhat >= B {
            break;
        }
    }
    // The true value of un21 is below v < 2^64, so wrapping arithmetic computes it exactly.
    let un21 = (un32 << 32).wrapping_add(un1).wrapping_sub(q1.wrapping_mul(v));

    let mut q0 = un21 / vn1;
    let mut rhat = un21 - q0.wrapping_mul(vn1);
    while q0 >= B || q0.wrapping_mul(vn0) > (rhat << 32) | un0 {
        q0 -= 1;
        rhat += vn1;
        if rhat >= B {
            break;
        }
    }
    let r = (un21 << 32).wrapping_add(un0).wrapping_sub(q0.wrapping_mul(v)) >> s;
    ((q1 << 32) | q0, r)
}

/// `floor(amount × bps / 10,000)` for `bps ≤ 10,000`, exactly, in 64-bit arithmetic: with
/// `amount = 10,000·q + r`, it is `q·bps + floor(r·bps / 10,000)`, and neither term overflows.
pub fn bps_of(amount: u64, bps: u16) -> u64 {
    let bps = u64::from(bps);
    debug_assert!(bps <= BPS_DENOMINATOR);
    (amount / BPS_DENOMINATOR) * bps + (amount % BPS_DENOMINATOR) * bps / BPS_DENOMINATOR
}

/// One fee (or escrow balance) split by basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// `protocol_bps` of the amount, floored.
    pub protocol: u64,
    /// What flooring the parts left over (less than one unit per part); it goes to the treasury.
    pub dust: u64,
    /// One part per share, in the order the shares were given.
    pub parts: [u64; MAX_SPLIT_PARTS],
    pub len: usize,
}

impl Split {
    pub fn parts(&self) -> &[u64] {
        &self.parts[..self.len]
    }

    /// The treasury's credit: the protocol fee and the dust.
    pub fn treasury(&self) -> u64 {
        self.protocol + self.dust
    }
}

/// Splits `amount`: first `protocol_bps` of it to the treasury, then the rest by `shares_bps`,
/// which must sum to exactly 10,000. Each part is floored and the remainders go to the treasury,
/// so `protocol + dust + Σ parts == amount`, exactly. `None` if the shares do not sum to 10,000, there are
/// more than [`MAX_SPLIT_PARTS`] of them, or `protocol_bps` exceeds 10,000.
pub fn split(amount: u64, protocol_bps: u16, shares_bps: &[u16]) -> Option<Split> {
    if shares_bps.len() > MAX_SPLIT_PARTS || u64::from(protocol_bps) > BPS_DENOMINATOR {
        return None;
    }
    let total: u64 = shares_bps.iter().map(|b| u64::from(*b)).sum();
    if total != BPS_DENOMINATOR {
        return None;
    }
    let protocol = bps_of(amount, protocol_bps);
    let rest = amount - protocol;
    let mut parts = [0u64; MAX_SPLIT_PARTS];
    let mut paid = 0u64;
    for (part, bps) in parts.iter_mut().zip(shares_bps) {
        // Each part is at most `rest`, and together at most `rest`: no overflow.
        *part = bps_of(rest, *bps);
        paid += *part;
    }
    Some(Split { protocol, dust: rest - paid, parts, len: shares_bps.len() })
}

/// A reward-per-weight accumulator: `reward_per_weight` is scaled by 2^64, and `carry` holds the
/// remainder of the last division (in 2^-64 units of the token), added to the next amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Accumulator {
    pub reward_per_weight: u128,
    pub carry: u64,
}

/// Adds `amount` shared over `total_weight` (which must be above zero) to the accumulator.
/// `None` if `total_weight` is zero or `reward_per_weight` would overflow.
///
/// Over any sequence of calls, Σ increment × weight at the time = Σ amount × 2^64 − final carry:
/// the value positions can claim is exactly what came in, less under one token unit.
pub fn distribute(acc: Accumulator, amount: u64, total_weight: u64) -> Option<Accumulator> {
    // (amount · 2^64 + carry) / total_weight, with amount as the high half and carry as the low.
    let ((q_hi, q_lo), carry) = div_wide(amount, acc.carry, total_weight)?;
    let increment = (u128::from(q_hi) << 64) | u128::from(q_lo);
    Some(Accumulator { reward_per_weight: acc.reward_per_weight.checked_add(increment)?, carry })
}

/// What a position of `weight` has accrued since its checkpoint: `(weight × (rpw_now −
/// rpw_checkpoint) + fraction) / 2^64`, returned with the new fraction (the low 64 bits) to carry
/// into the next claim. `None` if `rpw_now < rpw_checkpoint` or the amount exceeds u64.
pub fn accrue(weight: u64, rpw_checkpoint: u128, rpw_now: u128, fraction: u64) -> Option<(u64, u64)> {
    let delta = rpw_now.checked_sub(rpw_checkpoint)?;
    let (d_hi, d_lo) = ((delta >> 64) as u64, delta as u64);
    // weight × delta as three 64-bit limbs (l2, l1, l0), plus `fraction` into the lowest.
    let (p0_hi, l0) = mul_wide(weight, d_lo);
    let (p1_hi, p1_lo) = mul_wide(weight, d_hi);
    let (l0, c0) = l0.overflowing_add(fraction);
    let (l1, c1) = p0_hi.overflowing_add(p1_lo);
    let (l1, c2) = l1.overflowing_add(u64::from(c0));
    let l2 = p1_hi.checked_add(u64::from(c1) + u64::from(c2))?;
    // Shifting right by 64 drops l0 (the new fraction); what remains must fit in u64.
    if l2 != 0 {
        return None;
    }
    Some((l1, l0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(mul_wide(u64::MAX, u64::MAX), (u64::MAX - 1, 1));
        assert_eq!(div_wide(1, 0, 2), Some(((0, 1 << 63), 0)));
        assert_eq!(div_wide(5, 7, 0), None);
        assert_eq!(bps_of(u64::MAX, 10_000), u64::MAX);
        assert_eq!(bps_of(u64::MAX, 1), u64::MAX / 10_000);
        assert_eq!(bps_of(9_999, 9_999), 9_998);
    }

    #[test]
    fn split_hands_every_remainder_to_the_treasury() {
        let s = split(1_000_003, 250, &[3_333, 3_333, 3_334]).unwrap();
        assert_eq!(s.parts(), &[324_968, 324_968, 325_066]);
        assert_eq!((s.protocol, s.dust), (25_000, 1));
        assert_eq!(s.treasury() + s.parts().iter().sum::<u64>(), 1_000_003);
        assert_eq!(split(1, 0, &[5_000, 4_999]), None);
        assert_eq!(split(1, 10_001, &[10_000]), None);
    }

    #[test]
    fn accumulator_pays_out_exactly_what_came_in_up_to_one_unit_per_position() {
        // Three payments of 10 shared by weights 1 and 2: each division leaves a remainder, which
        // the carry brings into the next, so after the third the positions are owed 10 and 20.
        let mut acc = Accumulator::default();
        for _ in 0..3 {
            acc = distribute(acc, 10, 3).unwrap();
        }
        let rpw1 = acc.reward_per_weight;
        let (a, fa) = accrue(1, 0, rpw1, 0).unwrap();
        let (b, _) = accrue(2, 0, rpw1, 0).unwrap();
        assert_eq!((a, b), (10, 20));
        // The fraction a claim leaves is carried into the next: claiming twice pays the same as
        // claiming once at the end.
        acc = distribute(acc, 4, 3).unwrap();
        let (a_next, _) = accrue(1, rpw1, acc.reward_per_weight, fa).unwrap();
        let (a_once, _) = accrue(1, 0, acc.reward_per_weight, 0).unwrap();
        assert_eq!(a + a_next, a_once);
        assert_eq!(a_once, 11); // 10 + floor(4/3)
        assert_eq!(accrue(1, 5, 4, 0), None);
    }
}
