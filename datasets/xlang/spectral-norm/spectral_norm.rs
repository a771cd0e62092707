// spectral-norm: the largest singular value of A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1),
// i, j from 0, truncated to n x n, by 10 power iterations of AtA from u = (1,...,1).
// Usage: spectral_norm N. Prints sqrt(u.v / v.v) as "{:.9}".
// Every sum runs over j = 0..n-1 in order, as in the other languages here.
use std::env;

#[inline]
fn a(i: usize, j: usize) -> f64 {
    let k = (i + j) as u64;
    1.0 / (k * (k + 1) / 2 + i as u64 + 1) as f64
}

/// out = A v
fn mul_av(v: &[f64], out: &mut [f64]) {
    for (i, o) in out.iter_mut().enumerate() {
        let mut sum = 0.0f64;
        for (j, x) in v.iter().enumerate() {
            sum += a(i, j) * x;
        }
        *o = sum;
    }
}

/// out = At v
fn mul_atv(v: &[f64], out: &mut [f64]) {
    for (i, o) in out.iter_mut().enumerate() {
        let mut sum = 0.0f64;
        for (j, x) in v.iter().enumerate() {
            sum += a(j, i) * x;
        }
        *o = sum;
    }
}

/// out = At A v
fn mul_atav(v: &[f64], out: &mut [f64], tmp: &mut [f64]) {
    mul_av(v, tmp);
    mul_atv(tmp, out);
}

fn main() {
    let n: usize = env::args().nth(1).map(|s| s.parse().expect("n must be a non-negative integer")).unwrap_or(100);
    let mut u = vec![1.0f64; n];
    let mut v = vec![0.0f64; n];
    let mut tmp = vec![0.0f64; n];
    for _ in 0..10 {
        mul_atav(&u, &mut v, &mut tmp);
        mul_atav(&v, &mut u, &mut tmp);
    }
    let mut vbv = 0.0f64;
    let mut vv = 0.0f64;
    for i in 0..n {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    println!("{:.9}", (vbv / vv).sqrt());
}
