// fannkuch-redux: for every permutation of 0..n-1, taken in the order produced by
// the rotation scheme below, count the prefix reversals ("flips") needed until 0
// is in front: a front element k reverses the first k+1 elements. Report the
// checksum (flips added for even-indexed permutations, subtracted for odd ones)
// and the largest flip count.
// Usage: node fannkuch.js N. Prints "<checksum>" and "Pfannkuchen(N) = <maxflips>".
'use strict';

function countFlips(perm, work) {
  let first = perm[0];
  if (first === 0) return 0;
  work.set(perm);
  let flips = 0;
  while (first !== 0) {
    for (let lo = 0, hi = first; lo < hi; lo++, hi--) {
      const t = work[lo];
      work[lo] = work[hi];
      work[hi] = t;
    }
    flips++;
    first = work[0];
  }
  return flips;
}

function fannkuch(n) {
  const perm = new Int32Array(n);
  const work = new Int32Array(n);
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let checksum = 0;
  let maxFlips = 0;
  let index = 0;
  let r = n;
  for (;;) {
    // Reset the counters of the positions below r.
    for (; r !== 1; r--) count[r - 1] = r;

    const flips = countFlips(perm, work);
    if (flips > maxFlips) maxFlips = flips;
    checksum += index % 2 === 0 ? flips : -flips;

    // Next permutation: rotate the first r+1 elements left by one; when the
    // counter of position r runs out, move on to a longer prefix.
    for (;;) {
      if (r === n) return [checksum, maxFlips];
      const first = perm[0];
      perm.copyWithin(0, 1, r + 1);
      perm[r] = first;
      if (--count[r] > 0) break;
      r++;
    }
    index++;
  }
}

function main() {
  const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 7;
  if (!(n >= 1 && n <= 16)) {
    process.stderr.write('n must be between 1 and 16\n');
    process.exit(2);
  }
  const [checksum, maxFlips] = fannkuch(n);
  process.stdout.write(`${checksum}\nPfannkuchen(${n}) = ${maxFlips}\n`);
}

main();
