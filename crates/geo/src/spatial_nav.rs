//! Arrow-key traversal of the markers and clusters on screen: from the focused one, the nearest
//! in the pressed direction. This keeps the map one tab stop however many items it shows.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The index of the candidate nearest to `from` that lies in `dir` (within a 45° cone either
/// side, so "right" does not jump to something far below). Off-axis distance counts double,
/// which favours the item that is most nearly straight ahead.
pub fn nearest(from: (f64, f64), candidates: &[(f64, f64)], dir: Direction) -> Option<usize> {
    candidates
        .iter()
        .enumerate()
        .filter_map(|(i, &(x, y))| {
            let (dx, dy) = (x - from.0, y - from.1);
            let (ahead, across) = match dir {
                Direction::Right => (dx, dy),
                Direction::Left => (-dx, dy),
                Direction::Down => (dy, dx),
                Direction::Up => (-dy, dx),
            };
            (ahead > 0.5 && across.abs() <= ahead).then_some((i, ahead + 2.0 * across.abs()))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_nearest_item_straight_ahead() {
        let items = [
            (100.0, 100.0),
            (200.0, 100.0),
            (150.0, 110.0),
            (100.0, 300.0),
            (300.0, 400.0),
        ];
        assert_eq!(nearest(items[0], &items, Direction::Right), Some(2));
        assert_eq!(nearest(items[2], &items, Direction::Right), Some(1));
        assert_eq!(nearest(items[0], &items, Direction::Down), Some(3));
        assert_eq!(nearest(items[1], &items, Direction::Left), Some(2));
        assert_eq!(
            nearest(items[0], &items, Direction::Up),
            None,
            "nothing above"
        );
        assert_eq!(
            nearest(items[3], &items, Direction::Right),
            Some(4),
            "within the cone"
        );
        assert_eq!(nearest(items[0], &items[..1], Direction::Left), None);
    }

    #[test]
    fn keys_map_to_directions() {
        assert_eq!(Direction::from_key("ArrowUp"), Some(Direction::Up));
        assert_eq!(Direction::from_key("Enter"), None);
    }
}
