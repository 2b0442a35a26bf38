//! MT19937, seeded and drawn from exactly as CPython's `_random` does, so a
//! seeded `random` module gives CPython's numbers.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

const N: usize = 624;
const M: usize = 397;

#[derive(Clone)]
pub struct Mt19937 {
    state: Vec<u32>,
    index: usize,
}

impl Mt19937 {
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn init_genrand(s: u32) -> Mt19937 {
        let mut mt = vec![0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        Mt19937 { state: mt, index: N }
    }

    /// `random.seed(n)` for an int: the 32-bit words of |n|, least significant first.
    pub fn from_int_seed(seed: &BigInt) -> Mt19937 {
        let mut n = seed.abs();
        let mut key = Vec::new();
        let mask = BigInt::from(u32::MAX);
        while n > BigInt::from(0) {
            key.push((&n & &mask).to_u32().unwrap_or(0));
            n >>= 32;
        }
        if key.is_empty() {
            key.push(0);
        }
        Mt19937::init_by_array(&key)
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn init_by_array(key: &[u32]) -> Mt19937 {
        let mut g = Mt19937::init_genrand(19650218);
        let mt = &mut g.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        g
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N {
                let y = (mt[kk] & 0x8000_0000) | (mt[(kk + 1) % N] & 0x7fff_ffff);
                let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
                mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random.random()`: 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `random.getrandbits(k)`.
    pub fn getrandbits(&mut self, k: u32) -> BigInt {
        if k == 0 {
            return BigInt::from(0);
        }
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let mut result = BigInt::from(0);
        let mut remaining = k as i64;
        let mut shift = 0usize;
        while remaining > 0 {
            let mut r = self.next_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            result += BigInt::from(r) << shift;
            shift += 32;
            remaining -= 32;
        }
        result
    }

    /// `Random._randbelow(n)` for n > 0.
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits() as u32;
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_for_seed_42() {
        let mut g = Mt19937::from_int_seed(&BigInt::from(42));
        assert_eq!(g.random(), 0.6394267984578837);
        assert_eq!(g.random(), 0.025010755222666936);
    }
}
