// sort-hash: n xorshift32 values, sorted ascending with the slice sort, then count, min,
// median (element n/2), max and FNV-1a 64 over the sorted values' little-endian bytes.
use std::env;
use std::process;

fn main() {
    let n: i64 = env::args()
        .nth(1)
        .map(|s| s.trim().parse().expect("n must be an integer"))
        .unwrap_or(1000);
    if n < 1 {
        eprintln!("n must be at least 1");
        process::exit(2);
    }
    let n = n as usize;

    let mut x: u32 = 2463534242;
    let mut a: Vec<u32> = Vec::with_capacity(n);
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        a.push(x);
    }

    a.sort_unstable();

    let mut h: u64 = 0xcbf29ce484222325;
    const PRIME: u64 = 0x100000001b3;
    for &v in &a {
        for b in v.to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(PRIME);
        }
    }

    println!(
        "n={} min={} median={} max={} fnv1a64={:016x}",
        n,
        a[0],
        a[n / 2],
        a[n - 1],
        h
    );
}
