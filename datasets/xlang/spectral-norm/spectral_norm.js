// spectral-norm: the largest singular value of A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1),
// i, j from 0, truncated to n x n, by 10 power iterations of AtA from u = (1,...,1).
// Usage: node spectral_norm.js N. Prints sqrt(u.v / v.v) with toFixed(9).
// Every sum runs over j = 0..n-1 in order, as in the other languages here.
'use strict';

// (i+j)(i+j+1) is always even, so the halving is exact; all integers here are far below 2^53.
function a(i, j) {
  const k = i + j;
  return 1.0 / ((k * (k + 1)) / 2 + i + 1);
}

// out = A v
function mulAv(v, out) {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let sum = 0.0;
    for (let j = 0; j < n; j++) sum += a(i, j) * v[j];
    out[i] = sum;
  }
}

// out = At v
function mulAtv(v, out) {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let sum = 0.0;
    for (let j = 0; j < n; j++) sum += a(j, i) * v[j];
    out[i] = sum;
  }
}

// out = At A v
function mulAtAv(v, out, tmp) {
  mulAv(v, tmp);
  mulAtv(tmp, out);
}

function main() {
  const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 100;
  const u = new Float64Array(n).fill(1.0);
  const v = new Float64Array(n);
  const tmp = new Float64Array(n);
  for (let iter = 0; iter < 10; iter++) {
    mulAtAv(u, v, tmp);
    mulAtAv(v, u, tmp);
  }
  let vBv = 0.0;
  let vv = 0.0;
  for (let i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  process.stdout.write(Math.sqrt(vBv / vv).toFixed(9) + '\n');
}

main();
