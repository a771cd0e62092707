// mandelbrot: N x N bitmap of the Mandelbrot set over [-1.5,0.5] x [-1,1],
// 50 iterations, written as a portable bitmap (P4) to stdout.
use std::env;
use std::io::{self, Write};

fn main() {
    let n: i64 = env::args()
        .nth(1)
        .map(|s| s.trim().parse().expect("size must be an integer"))
        .unwrap_or(200);
    let max_iter = 50;
    let limit_sq = 4.0f64;
    let size = if n > 0 { n as usize } else { 0 };
    let row_bytes = (size + 7) / 8;
    let mut out: Vec<u8> = Vec::with_capacity(32 + row_bytes * size);
    out.extend_from_slice(format!("P4\n{} {}\n", n, n).as_bytes());

    let nf = n as f64;
    for y in 0..size {
        let ci = 2.0 * (y as f64) / nf - 1.0;
        let mut byte_acc: u32 = 0;
        let mut bit_num = 0;
        for x in 0..size {
            let cr = 2.0 * (x as f64) / nf - 1.5;
            let (mut zr, mut zi, mut tr, mut ti) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
            let mut i = 0;
            while i < max_iter && tr + ti <= limit_sq {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
                i += 1;
            }
            byte_acc <<= 1;
            if tr + ti <= limit_sq {
                byte_acc |= 1;
            }
            bit_num += 1;
            if bit_num == 8 {
                out.push(byte_acc as u8);
                byte_acc = 0;
                bit_num = 0;
            }
        }
        if bit_num != 0 {
            out.push((byte_acc << (8 - bit_num)) as u8);
        }
    }

    let stdout = io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(&out).expect("write failed");
    lock.flush().expect("flush failed");
}
