//! A JSON tree that lives in an arena and borrows its strings from the feed's bytes.
//!
//! `serde_json::Value` allocates a `String` for every key and string and a `BTreeMap` for every
//! object, and frees them one by one; for a feed of 10 000 events that was most of the time spent
//! reading it. Here every node, slice and unescaped string of an event goes into a `bumpalo`
//! arena that is reset, not freed, before the next event. Feed objects are small (a few dozen
//! keys), so a slice of pairs searched linearly is both smaller and faster than a map.
//!
//! Values nested deeper than [`MAX_DEPTH`] are skipped, not read: real CMS exports carry custom
//! fields hundreds of levels deep, and serde_json's recursion limit would otherwise fail the whole
//! document. The skip is iterative (serde_json's `ignore_value`), so no depth overflows the
//! stack; the caller learns of it through [`Seed::too_deep`] and decides what it costs.

use std::cell::Cell;
use std::fmt;

use bumpalo::collections::Vec as BumpVec;
/// The arena `Json::parse_in` reads into, for callers outside this crate.
pub use bumpalo::Bump;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(&'a str),
    Array(&'a [Json<'a>]),
    Object(Object<'a>),
}

/// An object's members in document order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Object<'a>(pub &'a [(&'a str, Json<'a>)]);

impl<'a> Object<'a> {
    /// The first member named `key`. Parsing a feed asks for about forty keys per event: the
    /// length and first byte rule out nearly every other key before a full comparison.
    pub fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        let first = key.as_bytes().first();
        self.0
            .iter()
            .find(|(k, _)| k.len() == key.len() && k.as_bytes().first() == first && *k == key)
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a Json<'a>)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }
}

impl<'a> Json<'a> {
    /// Parses text into `arena`, borrowing every string that needs no unescaping.
    pub fn parse_in(text: &'a str, arena: &'a Bump) -> Result<Json<'a>, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        let value = Seed::new(arena).deserialize(&mut de)?;
        de.end()?;
        Ok(value)
    }

    pub fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        match self {
            Json::Object(o) => o.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&'a [Json<'a>]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Json::Array(_))
    }

    /// Follows `/a/b` through objects.
    pub fn pointer(&self, path: &str) -> Option<&Json<'a>> {
        path.split('/')
            .filter(|p| !p.is_empty())
            .try_fold(self, |v, key| v.get(key))
    }
}

/// Tests build trees with `serde_json::json!`; the arena is leaked, which only tests can afford.
#[cfg(test)]
impl From<&serde_json::Value> for Json<'static> {
    fn from(v: &serde_json::Value) -> Self {
        let text: &'static str = Box::leak(v.to_string().into_boxed_str());
        let arena: &'static Bump = Box::leak(Box::new(Bump::new()));
        Json::parse_in(text, arena).expect("valid JSON")
    }
}

/// Deserialises one JSON value into the arena.
/// How deep a value may be nested and still be read. A feed event is about five levels deep;
/// serde_json refuses anything past 128.
pub const MAX_DEPTH: u32 = 64;

/// Reads one JSON value into the arena, skipping what is nested deeper than [`MAX_DEPTH`].
#[derive(Clone, Copy)]
pub struct Seed<'a> {
    arena: &'a Bump,
    depth: u32,
    deep: &'a TooDeep<'a>,
}

/// Where a value was skipped for its depth: the first member of the top-level object under
/// which it happened (`None` when the top level itself is an array, or nothing was skipped).
#[derive(Default)]
struct TooDeep<'a> {
    skipped: Cell<bool>,
    under: Cell<Option<&'a str>>,
}

impl<'a> Seed<'a> {
    pub fn new(arena: &'a Bump) -> Self {
        Seed {
            arena,
            depth: 0,
            deep: arena.alloc(TooDeep::default()),
        }
    }

    /// After reading: whether something was skipped for its depth, and under which top-level
    /// member (`Some("")` when the top level is not an object).
    pub fn too_deep(&self) -> Option<&'a str> {
        self.deep
            .skipped
            .get()
            .then(|| self.deep.under.get().unwrap_or(""))
    }

    fn child(self) -> Self {
        Seed {
            depth: self.depth + 1,
            ..self
        }
    }
}

/// An object key, borrowed when it has no escapes.
struct KeySeed<'a>(&'a Bump);

impl<'de: 'a, 'a> DeserializeSeed<'de> for KeySeed<'a> {
    type Value = &'a str;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'a str, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for KeySeed<'a> {
    type Value = &'a str;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<&'a str, E> {
        Ok(s)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<&'a str, E> {
        Ok(self.0.alloc_str(s))
    }
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for Seed<'a> {
    type Value = Json<'a>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json<'a>, D::Error> {
        if self.depth >= MAX_DEPTH {
            d.deserialize_ignored_any(de::IgnoredAny)?;
            self.deep.skipped.set(true);
            return Ok(Json::Null);
        }
        d.deserialize_any(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for Seed<'a> {
    type Value = Json<'a>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json<'a>, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json<'a>, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json<'a>, E> {
        Ok(Json::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json<'a>, E> {
        Ok(Json::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Json<'a>, E> {
        Ok(Json::Number(n))
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Json<'a>, E> {
        Ok(Json::String(s))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Json<'a>, E> {
        Ok(Json::String(self.arena.alloc_str(s)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'a>, A::Error> {
        let mut items = BumpVec::new_in(self.arena);
        while let Some(item) = seq.next_element_seed(self.child())? {
            items.push(item);
        }
        Ok(Json::Array(items.into_bump_slice()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'a>, A::Error> {
        // Room for an event's members up front (about twenty in Linked Events): growing copies
        // them, and arena space is reused for the next event anyway.
        let mut members = BumpVec::with_capacity_in(24, self.arena);
        while let Some(k) = map.next_key_seed(KeySeed(self.arena))? {
            members.push((k, map.next_value_seed(self.child())?));
            if self.depth == 0 && self.deep.skipped.get() && self.deep.under.get().is_none() {
                self.deep.under.set(Some(k));
            }
        }
        Ok(Json::Object(Object(members.into_bump_slice())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_read_and_escapes_decoded() {
        let arena = Bump::new();
        let text = r#"{"a": "plain", "b": "esc\"aped", "c": [1, 2.5, true, null], "k\u00e4": 1}"#;
        let v = Json::parse_in(text, &arena).unwrap();
        assert_eq!(v.get("a").and_then(Json::as_str), Some("plain"));
        assert_eq!(v.get("b").and_then(Json::as_str), Some("esc\"aped"));
        assert_eq!(
            v.pointer("/c").and_then(Json::as_array).map(<[Json]>::len),
            Some(4)
        );
        assert_eq!(
            v.get("c").unwrap().as_array().unwrap()[1].as_f64(),
            Some(2.5)
        );
        assert!(v.get("kä").is_some(), "escaped keys are decoded");
    }

    #[test]
    fn trailing_garbage_and_bad_json_are_errors() {
        let arena = Bump::new();
        assert!(Json::parse_in("{} x", &arena).is_err());
        assert!(Json::parse_in("{\"a\":}", &arena).is_err());
    }

    #[test]
    fn values_nested_too_deep_are_skipped_and_reported_not_fatal() {
        let arena = Bump::new();
        let deep = format!(
            r#"{{"name": "ok", "custom": {}1{}, "after": true}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let mut de = serde_json::Deserializer::from_str(&deep);
        let seed = Seed::new(&arena);
        let v = seed
            .deserialize(&mut de)
            .expect("a deep field does not fail the document");
        assert_eq!(seed.too_deep(), Some("custom"));
        assert_eq!(v.get("name").and_then(Json::as_str), Some("ok"));
        assert_eq!(
            v.get("after").and_then(Json::as_bool),
            Some(true),
            "members after it are read"
        );

        let shallow = Seed::new(&arena);
        let nested = "[".repeat(60) + &"]".repeat(60);
        shallow
            .deserialize(&mut serde_json::Deserializer::from_str(&nested))
            .unwrap();
        assert_eq!(shallow.too_deep(), None, "60 levels are read");

        let million = "[".repeat(1_000_000) + &"]".repeat(1_000_000);
        let top = Seed::new(&arena);
        assert!(top
            .deserialize(&mut serde_json::Deserializer::from_str(&million))
            .is_ok());
        assert_eq!(top.too_deep(), Some(""), "no stack overflow however deep");
    }
}
