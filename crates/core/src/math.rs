//! The few floating-point functions the explorer needs beyond arithmetic (the map's projection
//! and zoom, the timeline's zoom, colour contrast), taken from the browser's `Math` in the app
//! and from Rust's `std` natively. Rust's versions are compiled into the wasm: 11 kB of it
//! (libm's argument reduction for `sin` and `cos` alone is 5 kB), for functions every browser
//! already has. Both follow fdlibm, so the two agree to the last bit or so, which no caller's
//! rounding can see.
//!
//! `ln` is the natural logarithm, and `exp2(x)` is 2 to the power `x`.

pub use imp::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::Math as m;

    pub fn sin(x: f64) -> f64 {
        m::sin(x)
    }
    pub fn cos(x: f64) -> f64 {
        m::cos(x)
    }
    pub fn atan(x: f64) -> f64 {
        m::atan(x)
    }
    pub fn sinh(x: f64) -> f64 {
        m::sinh(x)
    }
    pub fn ln(x: f64) -> f64 {
        m::log(x)
    }
    pub fn log2(x: f64) -> f64 {
        m::log2(x)
    }
    pub fn exp(x: f64) -> f64 {
        m::exp(x)
    }
    pub fn exp2(x: f64) -> f64 {
        m::pow(2.0, x)
    }
    pub fn powf(x: f64, y: f64) -> f64 {
        m::pow(x, y)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn atan(x: f64) -> f64 {
        x.atan()
    }
    pub fn sinh(x: f64) -> f64 {
        x.sinh()
    }
    pub fn ln(x: f64) -> f64 {
        x.ln()
    }
    pub fn log2(x: f64) -> f64 {
        x.log2()
    }
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn exp2(x: f64) -> f64 {
        x.exp2()
    }
    pub fn powf(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
}
