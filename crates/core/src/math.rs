//! The few floating-point functions the explorer needs beyond arithmetic (the map's projection
//! and zoom, the timeline's zoom, colour contrast), taken from the browser's `Math` in the app
//! and from Rust's `std` natively. Rust's versions are compiled into the wasm: 11 kB of it
//! (libm's argument reduction for `sin` and `cos` alone is 5 kB), for functions every browser
//! already has. Both follow fdlibm, so the two agree to the last bit or so, which no caller's
//! rounding can see.

#[cfg(target_arch = "wasm32")]
use js_sys::Math as m;

#[cfg(target_arch = "wasm32")]
pub fn sin(x: f64) -> f64 {
    m::sin(x)
}
#[cfg(target_arch = "wasm32")]
pub fn cos(x: f64) -> f64 {
    m::cos(x)
}
#[cfg(target_arch = "wasm32")]
pub fn atan(x: f64) -> f64 {
    m::atan(x)
}
#[cfg(target_arch = "wasm32")]
pub fn sinh(x: f64) -> f64 {
    m::sinh(x)
}
/// The natural logarithm.
#[cfg(target_arch = "wasm32")]
pub fn ln(x: f64) -> f64 {
    m::log(x)
}
#[cfg(target_arch = "wasm32")]
pub fn log2(x: f64) -> f64 {
    m::log2(x)
}
#[cfg(target_arch = "wasm32")]
pub fn exp(x: f64) -> f64 {
    m::exp(x)
}
#[cfg(target_arch = "wasm32")]
pub fn exp2(x: f64) -> f64 {
    m::pow(2.0, x)
}
#[cfg(target_arch = "wasm32")]
pub fn powf(x: f64, y: f64) -> f64 {
    m::pow(x, y)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn sin(x: f64) -> f64 {
    x.sin()
}
#[cfg(not(target_arch = "wasm32"))]
pub fn cos(x: f64) -> f64 {
    x.cos()
}
#[cfg(not(target_arch = "wasm32"))]
pub fn atan(x: f64) -> f64 {
    x.atan()
}
#[cfg(not(target_arch = "wasm32"))]
pub fn sinh(x: f64) -> f64 {
    x.sinh()
}
/// The natural logarithm.
#[cfg(not(target_arch = "wasm32"))]
pub fn ln(x: f64) -> f64 {
    x.ln()
}
#[cfg(not(target_arch = "wasm32"))]
pub fn log2(x: f64) -> f64 {
    x.log2()
}
#[cfg(not(target_arch = "wasm32"))]
pub fn exp(x: f64) -> f64 {
    x.exp()
}
#[cfg(not(target_arch = "wasm32"))]
pub fn exp2(x: f64) -> f64 {
    x.exp2()
}
#[cfg(not(target_arch = "wasm32"))]
pub fn powf(x: f64, y: f64) -> f64 {
    x.powf(y)
}
