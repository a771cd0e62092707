// mandelbrot: N x N bitmap of the Mandelbrot set over [-1.5,0.5] x [-1,1],
// 50 iterations, written as a portable bitmap (P4) to stdout.
'use strict';

function main() {
    const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 200;
    const maxIter = 50;
    const limitSq = 4.0;
    const rowBytes = (n + 7) >> 3;
    const header = Buffer.from(`P4\n${n} ${n}\n`, 'ascii');
    const bitmap = Buffer.alloc(Math.max(0, rowBytes * n));
    let k = 0;

    for (let y = 0; y < n; y++) {
        const ci = 2.0 * y / n - 1.0;
        let byteAcc = 0;
        let bitNum = 0;
        for (let x = 0; x < n; x++) {
            const cr = 2.0 * x / n - 1.5;
            let zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            for (let i = 0; i < maxIter && tr + ti <= limitSq; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            byteAcc <<= 1;
            if (tr + ti <= limitSq) {
                byteAcc |= 1;
            }
            if (++bitNum === 8) {
                bitmap[k++] = byteAcc;
                byteAcc = 0;
                bitNum = 0;
            }
        }
        if (bitNum !== 0) {
            bitmap[k++] = (byteAcc << (8 - bitNum)) & 0xff;
        }
    }

    process.stdout.write(Buffer.concat([header, bitmap.subarray(0, k)]));
}

main();
