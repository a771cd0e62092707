// spectral-norm: the largest singular value of A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1),
// i, j from 0, truncated to n x n, by 10 power iterations of AtA from u = (1,...,1).
// Usage: spectral_norm N. Prints sqrt(u.v / v.v) as "%.9f".
// Every sum runs over j = 0..n-1 in order, as in the other languages here.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

using Vec = std::vector<double>;

inline double a(long i, long j) {
    long k = i + j;
    return 1.0 / static_cast<double>(k * (k + 1) / 2 + i + 1);
}

// out = A v, or At v when transposed.
void mul(const Vec &v, Vec &out, bool transposed) {
    const long n = static_cast<long>(v.size());
    for (long i = 0; i < n; i++) {
        double sum = 0.0;
        if (transposed) {
            for (long j = 0; j < n; j++) sum += a(j, i) * v[j];
        } else {
            for (long j = 0; j < n; j++) sum += a(i, j) * v[j];
        }
        out[i] = sum;
    }
}

// out = At A v
void mulAtA(const Vec &v, Vec &out, Vec &tmp) {
    mul(v, tmp, false);
    mul(tmp, out, true);
}

}  // namespace

int main(int argc, char **argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100;
    Vec u(n, 1.0), v(n, 0.0), tmp(n, 0.0);
    for (int iter = 0; iter < 10; iter++) {
        mulAtA(u, v, tmp);
        mulAtA(v, u, tmp);
    }
    double vbv = 0.0, vv = 0.0;
    for (int i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    std::printf("%.9f\n", std::sqrt(vbv / vv));
    return 0;
}
