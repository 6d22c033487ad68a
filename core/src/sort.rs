//! A small insertion sort for the handful-of-items vectors the widget orders (sections, saved
//! slots, reasons). `slice::sort` would pull several KiB of driftsort code into the wasm for each
//! element type; these lists never hold more than a few dozen items.

/// Sorts `items` ascending, stable.
pub fn insertion_sort<T: PartialOrd>(items: &mut [T]) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && items[j - 1] > items[j] {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::insertion_sort;

    #[test]
    fn sorts_like_the_standard_library_on_many_small_inputs() {
        let mut seed = 0x2545_f491_u32;
        for len in 0..40 {
            for _ in 0..50 {
                let mut items: Vec<(u8, u32)> = (0..len)
                    .map(|i| {
                        seed ^= seed << 13;
                        seed ^= seed >> 17;
                        seed ^= seed << 5;
                        ((seed % 7) as u8, i)
                    })
                    .collect();
                let mut expected = items.clone();
                expected.sort_by_key(|item| item.0); // stable: equal keys keep their order
                insertion_sort(&mut items);
                assert_eq!(items, expected);
            }
        }
    }
}
