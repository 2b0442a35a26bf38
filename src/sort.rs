//! One stable sort for the whole crate (outside the VM's own `sorted`/`list.sort`).
//!
//! std's slice sorts are generic over the element type and the comparator, and each
//! instantiation costs 3–5 KB of WebAssembly (driftsort, quicksort, small-sort
//! networks). The crate sorts a handful of short lists of different types (names for
//! `dir()`, a scope's free variables, warnings by line...), so all of them go through
//! one non-generic sort of indices here; only a few lines per element type remain.

use std::cmp::Ordering;

/// The permutation that sorts `n` items stably by `cmp` (which compares items by
/// index): `order[i]` is the index of the item that belongs at position `i`.
#[inline(never)]
pub fn sorted_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably by `key`, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Rearranges `v` in place so that position `i` holds the item that was at
/// `order[i]`, following each cycle of the permutation once (linear time).
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // A settled position points at itself.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_std() {
        let mut seed = 12345u64;
        for n in 0..60 {
            let mut v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            assert_eq!(v, expected);
        }
    }

    #[test]
    fn sorts_strings() {
        let mut v = vec!["pear".to_string(), "apple".into(), "fig".into(), "apple".into()];
        sort(&mut v);
        assert_eq!(v, ["apple", "apple", "fig", "pear"]);
    }
}
