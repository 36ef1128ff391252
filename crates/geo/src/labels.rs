//! Map labels that never overlap: candidates are taken in priority order, and each is shown only
//! if its box is clear of every label already shown (greedy, as most web maps place labels).
//! Box sizes are estimated from the text length, so this needs no text measurement.

/// A label to place: its text's anchor point (the middle of its baseline) and its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Candidate {
    /// A label of `chars` characters at `font_px`, with `pad` pixels kept clear around it. The
    /// width is an upper estimate for a sans-serif face (0.6 em a character), so that real text
    /// is never wider than its box.
    pub fn text(x: f64, y: f64, chars: usize, font_px: f64, pad: f64) -> Candidate {
        Candidate {
            x,
            y,
            width: chars as f64 * font_px * 0.6 + 2.0 * pad,
            height: font_px * 1.2 + 2.0 * pad,
        }
    }

    fn overlaps(&self, other: &Candidate) -> bool {
        let (l1, r1) = (self.x - self.width / 2.0, self.x + self.width / 2.0);
        let (l2, r2) = (other.x - other.width / 2.0, other.x + other.width / 2.0);
        // The box spans from the baseline up by most of its height and down a little
        // (descenders and padding).
        let (t1, b1) = (self.y - self.height * 0.8, self.y + self.height * 0.2);
        let (t2, b2) = (other.y - other.height * 0.8, other.y + other.height * 0.2);
        l1 < r2 && l2 < r1 && t1 < b2 && t2 < b1
    }
}

/// Which candidates to show, given in priority order (the most important first): each is
/// shown unless it overlaps one shown before it. Candidates outside `width` × `height` are
/// not shown.
pub fn place(candidates: &[Candidate], width: f64, height: f64) -> Vec<bool> {
    let mut shown: Vec<Candidate> = Vec::new();
    candidates
        .iter()
        .map(|c| {
            let inside = c.x + c.width / 2.0 > 0.0
                && c.x - c.width / 2.0 < width
                && c.y > 0.0
                && c.y - c.height < height;
            let free = inside && !shown.iter().any(|s| s.overlaps(c));
            if free {
                shown.push(*c);
            }
            free
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(x: f64, y: f64, chars: usize) -> Candidate {
        Candidate::text(x, y, chars, 12.0, 2.0)
    }

    #[test]
    fn labels_far_apart_are_all_shown() {
        let c = [
            label(100.0, 100.0, 6),
            label(300.0, 100.0, 6),
            label(100.0, 300.0, 6),
        ];
        assert_eq!(place(&c, 800.0, 600.0), vec![true, true, true]);
    }

    #[test]
    fn the_first_of_two_overlapping_labels_wins() {
        // "Kempele" and "Oulunsalo" 20 px apart horizontally on one line.
        let c = [label(100.0, 100.0, 7), label(120.0, 104.0, 9)];
        assert_eq!(place(&c, 800.0, 600.0), vec![true, false]);
        let reversed = [c[1], c[0]];
        assert_eq!(place(&reversed, 800.0, 600.0), vec![true, false]);
    }

    #[test]
    fn a_hidden_label_blocks_nothing() {
        // b overlaps a and is hidden; c overlaps only b, so it shows.
        let c = [
            label(100.0, 100.0, 6),
            label(140.0, 100.0, 6),
            label(180.0, 100.0, 6),
        ];
        assert_eq!(place(&c, 800.0, 600.0), vec![true, false, true]);
    }

    #[test]
    fn stacked_labels_need_a_line_between_them() {
        let close = [label(100.0, 100.0, 6), label(100.0, 110.0, 6)];
        assert_eq!(place(&close, 800.0, 600.0), vec![true, false]);
        let apart = [label(100.0, 100.0, 6), label(100.0, 120.0, 6)];
        assert_eq!(place(&apart, 800.0, 600.0), vec![true, true]);
    }

    #[test]
    fn labels_off_the_map_are_not_shown() {
        let c = [
            label(-100.0, 100.0, 6),
            label(100.0, 900.0, 6),
            label(100.0, 100.0, 6),
        ];
        assert_eq!(place(&c, 800.0, 600.0), vec![false, false, true]);
    }

    #[test]
    fn no_two_shown_labels_overlap_in_a_dense_field() {
        // A grid much denser than labels can be: whatever is shown must be clear of the rest.
        let c: Vec<Candidate> = (0..400)
            .map(|i| {
                label(
                    f64::from(i % 20) * 17.0 + 10.0,
                    f64::from(i / 20) * 9.0 + 20.0,
                    5 + i as usize % 7,
                )
            })
            .collect();
        let shown: Vec<&Candidate> = c
            .iter()
            .zip(place(&c, 800.0, 600.0))
            .filter(|(_, s)| *s)
            .map(|(c, _)| c)
            .collect();
        assert!(shown.len() > 10);
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
    }
}
