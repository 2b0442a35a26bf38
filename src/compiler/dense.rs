//! `Dense`: the compiler's indexed tables.

use std::ops::{Deref, DerefMut, Index, IndexMut};

/// A `Vec` whose `[i]` is one out-of-line function. The compiler's passes index
/// blocks, instructions and scopes in some 300 places; inlined, each bounds check
/// brings its own panic site and location record (about 30 bytes of WebAssembly
/// apiece). Everything else is the `Vec`'s, through `Deref`.
#[derive(Clone, Debug)]
pub struct Dense<T>(pub Vec<T>);

impl<T> Default for Dense<T> {
    fn default() -> Self {
        Dense(Vec::new())
    }
}

impl<T> Deref for Dense<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> DerefMut for Dense<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

impl<T> Index<usize> for Dense<T> {
    type Output = T;
    #[inline(never)]
    fn index(&self, i: usize) -> &T {
        &self.0[i]
    }
}

impl<T> IndexMut<usize> for Dense<T> {
    #[inline(never)]
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut self.0[i]
    }
}

macro_rules! dense_range_index {
    ($($range:ty),*) => {$(
        impl<T> Index<$range> for Dense<T> {
            type Output = [T];
            fn index(&self, r: $range) -> &[T] {
                &self.0[r]
            }
        }

        impl<T> IndexMut<$range> for Dense<T> {
            fn index_mut(&mut self, r: $range) -> &mut [T] {
                &mut self.0[r]
            }
        }
    )*};
}

dense_range_index!(std::ops::Range<usize>, std::ops::RangeFrom<usize>, std::ops::RangeTo<usize>);

impl<T> IntoIterator for Dense<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Dense<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Dense<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}

impl<T> FromIterator<T> for Dense<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Dense(Vec::from_iter(iter))
    }
}
