// sort-hash: n xorshift32 values, sorted ascending with the typed-array sort, then count,
// min, median (element n/2), max and FNV-1a 64 over the sorted values' little-endian bytes.
// The hash uses BigInt so the 64-bit arithmetic is exact.
'use strict';

function main() {
    const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 1000;
    if (!(n >= 1)) {
        process.stderr.write('n must be at least 1\n');
        process.exit(2);
    }

    const a = new Uint32Array(n);
    let x = 2463534242 | 0; // the same 32 bits, held as a signed int32
    for (let i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        a[i] = x >>> 0;
    }

    a.sort(); // typed arrays sort numerically

    const MASK = (1n << 64n) - 1n;
    const PRIME = 0x100000001b3n;
    const byteBig = [];
    for (let b = 0; b < 256; b++) byteBig.push(BigInt(b));
    let h = 0xcbf29ce484222325n;
    for (let i = 0; i < n; i++) {
        const v = a[i];
        h = ((h ^ byteBig[v & 0xff]) * PRIME) & MASK;
        h = ((h ^ byteBig[(v >>> 8) & 0xff]) * PRIME) & MASK;
        h = ((h ^ byteBig[(v >>> 16) & 0xff]) * PRIME) & MASK;
        h = ((h ^ byteBig[v >>> 24]) * PRIME) & MASK;
    }

    const hex = h.toString(16).padStart(16, '0');
    process.stdout.write(`n=${n} min=${a[0]} median=${a[Math.floor(n / 2)]} max=${a[n - 1]} fnv1a64=${hex}\n`);
}

main();
