// fannkuch-redux: for every permutation of 0..n-1, taken in the order produced by
// the rotation scheme below, count the prefix reversals ("flips") needed until 0
// is in front: a front element k reverses the first k+1 elements. Report the
// checksum (flips added for even-indexed permutations, subtracted for odd ones)
// and the largest flip count.
// Usage: fannkuch N. Prints "<checksum>" and "Pfannkuchen(N) = <maxflips>".
use std::env;
use std::process;

const MAX_N: usize = 16;

fn count_flips(perm: &[usize; MAX_N]) -> i64 {
    if perm[0] == 0 {
        return 0;
    }
    let mut work = *perm;
    let mut flips = 0;
    let mut first = work[0];
    while first != 0 {
        work[..=first].reverse();
        flips += 1;
        first = work[0];
    }
    flips
}

fn main() {
    let n: usize = env::args().nth(1).map(|s| s.parse().expect("n must be an integer")).unwrap_or(7);
    if !(1..=MAX_N).contains(&n) {
        eprintln!("n must be between 1 and {}", MAX_N);
        process::exit(2);
    }
    let mut perm = [0usize; MAX_N];
    let mut count = [0usize; MAX_N];
    for (i, p) in perm.iter_mut().enumerate().take(n) {
        *p = i;
    }
    let mut checksum: i64 = 0;
    let mut max_flips: i64 = 0;
    let mut index: u64 = 0;
    let mut r = n;
    loop {
        // Reset the counters of the positions below r.
        while r != 1 {
            count[r - 1] = r;
            r -= 1;
        }

        let flips = count_flips(&perm);
        max_flips = max_flips.max(flips);
        checksum += if index % 2 == 0 { flips } else { -flips };

        // Next permutation: rotate the first r+1 elements left by one; when the
        // counter of position r runs out, move on to a longer prefix.
        loop {
            if r == n {
                println!("{}\nPfannkuchen({}) = {}", checksum, n, max_flips);
                return;
            }
            perm[..=r].rotate_left(1);
            count[r] -= 1;
            if count[r] > 0 {
                break;
            }
            r += 1;
        }
        index += 1;
    }
}
