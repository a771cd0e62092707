"""spectral-norm: the largest singular value of A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1).

i, j count from 0; A is truncated to n x n; 10 power iterations of AtA from u = (1,...,1).
Usage: python3 spectral_norm.py N. Prints sqrt(u.v / v.v) as '%.9f'.
Every sum runs over j = 0..n-1 in order, as in the other languages here.
"""
import math
import sys


def a(i, j):
    k = i + j
    return 1.0 / (k * (k + 1) // 2 + i + 1)


def mul_av(v, n):
    """A v"""
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(i, j) * v[j]
        out.append(total)
    return out


def mul_atv(v, n):
    """At v"""
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(j, i) * v[j]
        out.append(total)
    return out


def mul_atav(v, n):
    """At A v"""
    return mul_atv(mul_av(v, n), n)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    sys.stdout.write('%.9f\n' % math.sqrt(vbv / vv))


if __name__ == '__main__':
    main()
