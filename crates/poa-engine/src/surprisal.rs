//! Rarity weights in fixed point: no floating point reaches a result.
//!
//! `log2_q16(x)` is log₂ x with 16 fractional bits: the integer part is the position of the
//! highest set bit; the fraction is read from [`LOG2_TABLE`] (log₂(1 + i/1024) for i = 0..=1024,
//! computed at compile time by integer repeated squaring, each entry floored) at the next 10 bits
//! of x, and interpolated linearly with the 16 bits after them.
//!
//! The surprisal of a word seen `count` times among the `total` words of the corpus (all shards)
//! is `max(log2_q16(total + 1) − log2_q16(count + 1), 1)`: in bits, scaled by 2¹⁶; a word the
//! corpus lacks weighs the most, and every word weighs at least one unit.

const TABLE_BITS: u32 = 10;
const FRAC_BITS: u32 = 16;
const TABLE_LEN: usize = (1 << TABLE_BITS) + 1;

/// floor(log₂(1 + i / 1024) · 2¹⁶) for i in 0..=1024.
pub const LOG2_TABLE: [u32; TABLE_LEN] = log2_table();

/// floor(log₂(m / 2³²) · 2¹⁶) for m in [2³², 2³³], by repeated squaring (one bit per square).
const fn log2_fraction(mut m: u128) -> u32 {
    const ONE: u128 = 1 << 32;
    if m >= 2 * ONE {
        return 1 << FRAC_BITS;
    }
    let mut result = 0;
    let mut bit = FRAC_BITS;
    while bit > 0 {
        bit -= 1;
        m = m * m / ONE;
        if m >= 2 * ONE {
            m /= 2;
            result |= 1 << bit;
        }
    }
    result
}

const fn log2_table() -> [u32; TABLE_LEN] {
    let mut table = [0; TABLE_LEN];
    let mut i = 0;
    while i < TABLE_LEN {
        table[i] = log2_fraction((1 << 32) + ((i as u128) << (32 - TABLE_BITS)));
        i += 1;
    }
    table
}

/// log₂ x in fixed point with 16 fractional bits; 0 for x = 0 and x = 1.
pub fn log2_q16(x: u64) -> u64 {
    if x == 0 {
        return 0;
    }
    let int_part = 63 - u64::from(x.leading_zeros());
    let mantissa = x << (63 - int_part); // the highest set bit at bit 63
    let index = ((mantissa >> (63 - TABLE_BITS)) & ((1 << TABLE_BITS) - 1)) as usize;
    let between = (mantissa >> (63 - TABLE_BITS - FRAC_BITS)) & ((1 << FRAC_BITS) - 1);
    let (low, high) = (u64::from(LOG2_TABLE[index]), u64::from(LOG2_TABLE[index + 1]));
    (int_part << FRAC_BITS) + low + (((high - low) * between) >> FRAC_BITS)
}

/// The surprisal weight of a word seen `count` times among `total` corpus words (see the module).
pub fn surprisal(count: u64, total: u64) -> u64 {
    log2_q16(total.saturating_add(1)).saturating_sub(log2_q16(count.saturating_add(1))).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_float_log_closely() {
        assert_eq!(LOG2_TABLE[0], 0);
        assert_eq!(LOG2_TABLE[TABLE_LEN - 1], 1 << 16);
        assert!(LOG2_TABLE.windows(2).all(|w| w[0] < w[1]));
        let mut x = 1u64;
        while x < u64::MAX / 3 {
            for y in [x, x + 1, x * 2 - 1, x + x / 3] {
                let exact = (y as f64).log2() * 65536.0;
                let got = log2_q16(y) as f64;
                assert!((got - exact).abs() <= 2.0, "{y}: {got} vs {exact}");
            }
            x = x * 3 + 1;
        }
    }

    #[test]
    fn monotone_and_positive() {
        let mut last = 0;
        for x in 1..100_000 {
            let v = log2_q16(x);
            assert!(v >= last);
            last = v;
        }
        assert!(surprisal(1, 1_000_000) > surprisal(1000, 1_000_000));
        assert!(surprisal(0, 1_000_000) > surprisal(1, 1_000_000));
        assert_eq!(surprisal(10, 10), 1);
    }
}
