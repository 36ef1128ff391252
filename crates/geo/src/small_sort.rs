//! A stable sort for the few dozen items a frame sorts: the tiles of the view, the
//! municipalities' centres, the town names. The standard library's sort is generated again for
//! every item type and comparison, at 3-7 kB of wasm each; this one is a few hundred bytes.
//! Insertion sort: quadratic, so not for the events themselves.

/// Sorts `items` so that no item comes after one it is `less` than; equal items keep their
/// order.
pub fn sort_small_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 17u32;
        for len in 0..80 {
            let v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 7, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_small_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            // Equal keys keep their order: the second field says which came first.
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn nan_does_not_stop_the_sort_of_the_rest() {
        let mut v = [3.0, f64::NAN, 1.0, 2.0];
        sort_small_by(&mut v, |a, b| a.total_cmp(b).is_lt());
        assert_eq!(&v[..3], &[1.0, 2.0, 3.0]);
        assert!(v[3].is_nan());
    }
}
