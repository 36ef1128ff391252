//! Numbers as text without the standard library's float formatting: coordinates and sizes with
//! a fixed number of decimals for markup and styles ("12.3px", `x="104.5"`), and numbers from
//! feeds written back as text (a price of 12.5, an identifier 1234).
//!
//! `format!("{x:.1}")` and `x.to_string()` would do, but the standard float formatting (Grisu
//! and Dragon, with their tables) cost the app's download 17 kB of wasm (8 kB gzip). One `{}` or
//! `{:.1}` of an f64 anywhere in the app links it back, and so does `f64::clamp` (its panic
//! message formats the bounds; clippy.toml forbids it). Here a value is scaled, rounded to an
//! integer and written with integer formatting. A fixed number of decimals is the standard
//! result except next to a tie, where the last digit may differ by one (`1.15` is 1.149999… in
//! binary: `{:.1}` writes "1.1", this writes "1.2"): a tenth of a pixel.

use std::fmt;

/// `value` with `digits` decimals (at most 9), written as `format!("{value:.digits$}")` would up
/// to the last digit next to a tie.
pub fn decimal(value: f64, digits: u8) -> Decimal {
    Decimal {
        value,
        digits: digits.min(9),
    }
}

/// `value` to one decimal: the coordinates of drawings and styles.
pub fn tenths(value: f64) -> Decimal {
    decimal(value, 1)
}

/// `value` rounded to an integer: sizes and coordinates that are whole numbers.
pub fn whole(value: f64) -> Decimal {
    decimal(value, 0)
}

/// See `decimal`.
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    value: f64,
    digits: u8,
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.value;
        if v.is_nan() {
            return f.write_str("NaN");
        }
        if v.is_sign_negative() {
            f.write_str("-")?;
        }
        if v.is_infinite() {
            return f.write_str("inf");
        }
        let scale = 10u64.pow(u32::from(self.digits));
        // Saturates past 1.8e19: far beyond any coordinate this is for.
        let scaled = (v.abs() * scale as f64).round_ties_even() as u64;
        write!(f, "{}", scaled / scale)?;
        if self.digits > 0 {
            let width = usize::from(self.digits);
            write!(f, ".{:0width$}", scaled % scale)?;
        }
        Ok(())
    }
}

/// `value` as briefly as it reads back: "12.5", "1234", "0.1". The same text as
/// `value.to_string()` for any value with at most nine decimals and less than 10^15, which
/// covers prices, identifiers and coordinates; other values are written to nine decimals, or
/// as `1.5e21` when they are that large or small.
pub fn shortest(value: f64) -> String {
    if !value.is_finite() || value == value.trunc() && value.abs() < 1e15 {
        return decimal(value, 0).to_string();
    }
    let magnitude = value.abs();
    if !(1e-9..1e15).contains(&magnitude) {
        let exponent = magnitude.log10().floor() as i32;
        let mantissa = value / 10f64.powi(exponent);
        return format!("{}e{exponent}", shortest(mantissa));
    }
    // The fewest decimals that read back as `value`: with `digits` decimals the text is the
    // integer `scaled` over 10^digits, and as both are exact in an f64 (below 2^53), the
    // division rounds to what reading that text gives.
    let digits = (1..=9u8)
        .find(|&d| {
            let power = 10f64.powi(i32::from(d));
            let scaled = (value * power).round();
            scaled.abs() < 9e15 && scaled / power == value
        })
        .unwrap_or(9);
    let text = decimal(value, digits).to_string();
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_the_standard_formatting_writes() {
        for (v, d, s) in [
            (12.34, 1, "12.3"),
            (12.36, 1, "12.4"),
            (0.0, 1, "0.0"),
            (-0.0, 1, "-0.0"),
            (-3.26, 1, "-3.3"),
            (-0.04, 1, "-0.0"),
            (7.0, 0, "7"),
            (0.25, 1, "0.2"),
            (0.75, 1, "0.8"),
            (64.0125, 2, "64.01"),
            (65.01234567, 5, "65.01235"),
        ] {
            assert_eq!(decimal(v, d).to_string(), s, "{v} with {d}");
            assert_eq!(
                format!("{v:.*}", usize::from(d)),
                s,
                "the standard formatting of {v} with {d}"
            );
        }
        // Next to a tie, the last digit may differ: 1.15 is 1.149999… in binary.
        assert_eq!(format!("{:.1}", 1.15), "1.1");
        assert_eq!(decimal(1.15, 1).to_string(), "1.2");
        assert_eq!(decimal(f64::NAN, 1).to_string(), "NaN");
        assert_eq!(decimal(f64::NEG_INFINITY, 1).to_string(), "-inf");
        assert_eq!(format!("{:.1}", f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn differs_from_the_standard_formatting_at_most_in_the_last_digit_next_to_a_tie() {
        // A deterministic spread of coordinates and sizes as the map and timeline write them,
        // and as many decimal ties ("12.25" to one decimal), where the two may differ.
        let mut x = 0.123_456_789_f64;
        let (mut compared, mut differing) = (0, 0);
        for i in 0..20_000 {
            x = (x * 7919.0 + f64::from(i) * 0.37) % 4096.0 - 1024.0;
            for d in [1u8, 2, 5] {
                let step = 10f64.powi(-i32::from(d));
                let tie = ((x / step).trunc() + 0.5) * step;
                for v in [x, tie] {
                    let ours = decimal(v, d).to_string();
                    let std = format!("{v:.*}", usize::from(d));
                    compared += 1;
                    if ours == std {
                        continue;
                    }
                    differing += 1;
                    let (a, b): (f64, f64) = (ours.parse().unwrap(), std.parse().unwrap());
                    assert!(
                        (a - b).abs() <= step * 1.001,
                        "{v} with {d}: {ours} vs {std}"
                    );
                    let frac = (v.abs() / step).fract();
                    assert!((frac - 0.5).abs() < 1e-6, "{v} with {d}: {ours} vs {std}");
                }
            }
        }
        // Ties are half the values compared; most of them round the same way in both.
        assert!(differing * 4 < compared, "{differing} of {compared} differ");
    }

    #[test]
    fn shortest_is_the_standard_text_for_the_numbers_feeds_give() {
        let mut x = 0.5_f64;
        for i in 0..20_000 {
            x = (x * 7919.0 + f64::from(i) * 0.37) % 100_000.0;
            for d in 0..=6 {
                let p = 10f64.powi(d);
                let v = (x * p).round() / p;
                for v in [v, -v] {
                    assert_eq!(shortest(v), v.to_string(), "{v}");
                }
            }
        }
        for v in [
            0.0,
            12.5,
            9.9,
            0.1,
            0.3,
            1234.0,
            65.012_345,
            1e14,
            123_456_789.123,
            1e-9,
        ] {
            assert_eq!(shortest(v), v.to_string(), "{v}");
        }
        assert_eq!(shortest(-0.0), "-0");
        assert_eq!((-0.0f64).to_string(), "-0");
        assert_eq!(shortest(f64::NAN), "NaN");
        assert_eq!(shortest(f64::INFINITY), "inf");
        // Outside that range: still a number that reads back close, not the standard text.
        assert_eq!(shortest(1.5e21), "1.5e21");
        assert_eq!(shortest(2.5e-12), "2.5e-12");
        let pi = shortest(std::f64::consts::PI);
        assert_eq!(pi, "3.141592654");
    }
}
