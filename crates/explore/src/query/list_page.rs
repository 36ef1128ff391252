//! What the list draws in the frame that shows a change. Parsing, inserting and laying out a
//! hundred new rows cost more than everything else a filter change redraws, so a new result set
//! is drawn at first as a shorter prefix of its page, and whole once the browser is idle. Blocks
//! already on the screen cost nothing to keep (the list is keyed by them), so the prefix keeps
//! those and adds at most `new_rows` rows that are not there yet: as many as can be on the
//! screen (`rows_on_screen`), since the rest are drawn before anyone could scroll to them.

/// A list block (a heading and its rows) as this module sees it.
pub trait Block: PartialEq {
    fn rows(&self) -> usize;
    /// Keeps the first `n` rows.
    fn truncate(&mut self, n: usize);
}

/// The prefix of `page` to draw at once while `on_screen` is shown: blocks that are on the
/// screen already, and new rows up to `new_rows`. The flag says whether that is all of `page`.
pub fn at_once<B: Block>(page: Vec<B>, on_screen: &[B], new_rows: usize) -> (Vec<B>, bool) {
    let blocks = page.len();
    let mut budget = new_rows;
    let mut out = Vec::with_capacity(blocks);
    for mut b in page {
        // A linear search: at most a hundred blocks, which differ in their first fields, and a
        // HashSet here costs half a kilobyte of download (measured).
        if on_screen.contains(&b) {
            out.push(b);
            continue;
        }
        if budget == 0 {
            return (out, false);
        }
        let n = b.rows();
        if n > budget {
            b.truncate(budget);
            out.push(b);
            return (out, false);
        }
        budget -= n;
        out.push(b);
    }
    (out, true)
}

/// The least height of a row on any screen, in CSS pixels: a one-line title, its date and its
/// place (about 100 px at the default size). Too low a guess draws a few rows too many; too high
/// a guess would leave a gap below the last row until the rest is drawn.
pub const MIN_ROW_PX: f64 = 64.0;

/// How many rows of a list can be on the screen, at most `cap`, when the list's box starts at
/// `top` and ends at `bottom` (viewport pixels, as `getBoundingClientRect` gives them) in a
/// viewport `viewport` tall. The box's bottom is that of the rows shown now, and a new result
/// set may be longer, so only the viewport's bottom limits them. None when the box is hidden
/// (no height) or wholly above or below the viewport; one more than fit, for a row cut at the
/// viewport's top.
pub fn rows_on_screen(top: f64, bottom: f64, viewport: f64, cap: usize) -> usize {
    if !(bottom > top && bottom > 0.0 && top < viewport) {
        return 0;
    }
    let visible = viewport - top.max(0.0);
    // `as` saturates, and `visible` is positive and finite here.
    ((visible / MIN_ROW_PX).ceil() as usize + 1).min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_on_screen_are_those_that_fit_below_the_lists_top() {
        // A desktop at 1280×800: the list starts at 476 px, and 324 px of it show.
        assert_eq!(rows_on_screen(476.0, 18_000.0, 800.0, 20), 7);
        // Scrolled into the list: the whole viewport, capped.
        assert_eq!(rows_on_screen(-3_000.0, 15_000.0, 800.0, 20), 14);
        assert_eq!(rows_on_screen(-3_000.0, 15_000.0, 1_920.0, 20), 20);
        // A short list (two rows now) may grow: the viewport's bottom counts, not the box's.
        assert_eq!(rows_on_screen(476.0, 700.0, 800.0, 20), 7);
    }

    #[test]
    fn no_rows_are_on_screen_when_the_list_is_hidden_or_out_of_view() {
        // display: none (a phone showing the map panel).
        assert_eq!(rows_on_screen(0.0, 0.0, 844.0, 20), 0);
        // Below the fold, and scrolled past.
        assert_eq!(rows_on_screen(900.0, 18_000.0, 844.0, 20), 0);
        assert_eq!(rows_on_screen(-18_000.0, -10.0, 844.0, 20), 0);
        // Not measurable.
        assert_eq!(rows_on_screen(f64::NAN, f64::NAN, 844.0, 20), 0);
    }

    /// A day and its rows.
    #[derive(Debug, Clone, PartialEq)]
    struct Day(u32, Vec<u32>);

    impl Block for Day {
        fn rows(&self) -> usize {
            self.1.len()
        }
        fn truncate(&mut self, n: usize) {
            self.1.truncate(n);
        }
    }

    fn days(spec: &[(u32, u32)]) -> Vec<Day> {
        spec.iter()
            .map(|&(d, n)| Day(d, (0..n).collect()))
            .collect()
    }

    #[test]
    fn a_new_page_is_cut_after_the_new_rows_within_a_block() {
        let (drawn, whole) = at_once(days(&[(1, 8), (2, 8), (3, 8)]), &[], 20);
        assert_eq!(drawn, days(&[(1, 8), (2, 8), (3, 4)]));
        assert!(!whole);
    }

    #[test]
    fn blocks_on_the_screen_are_kept_without_counting() {
        // Narrowing "all upcoming" to "this month": the first days are the same blocks.
        let shown = days(&[(1, 30), (2, 30), (3, 40)]);
        let page = days(&[(1, 30), (2, 30), (3, 40)]);
        let (drawn, whole) = at_once(page.clone(), &shown, 20);
        assert_eq!(drawn, page);
        assert!(whole);
        // A changed block in the middle costs its rows; the shared ones after it still count
        // as free, as long as the new rows have not run out.
        let page = days(&[(1, 30), (2, 25), (3, 40), (4, 5)]);
        let (drawn, whole) = at_once(page, &shown, 20);
        assert_eq!(drawn, days(&[(1, 30), (2, 20)]));
        assert!(!whole);
    }

    #[test]
    fn a_page_smaller_than_the_budget_is_whole() {
        let (drawn, whole) = at_once(days(&[(1, 5), (2, 5)]), &days(&[(9, 100)]), 20);
        assert_eq!(drawn, days(&[(1, 5), (2, 5)]));
        assert!(whole);
        let (drawn, whole) = at_once(days(&[(1, 20)]), &[], 20);
        assert_eq!(drawn, days(&[(1, 20)]));
        assert!(whole, "exactly the budget");
        let (drawn, whole) = at_once(Vec::<Day>::new(), &[], 20);
        assert!(drawn.is_empty() && whole);
    }

    #[test]
    fn the_drawn_blocks_are_always_a_prefix_of_the_page() {
        let shown = days(&[(5, 3)]);
        let page = days(&[(1, 10), (2, 10), (3, 10), (5, 3)]);
        let (drawn, whole) = at_once(page.clone(), &shown, 15);
        assert!(!whole);
        assert_eq!(drawn[..drawn.len() - 1], page[..drawn.len() - 1]);
        assert_eq!(drawn.last(), Some(&Day(2, (0..5).collect())));
    }
}
