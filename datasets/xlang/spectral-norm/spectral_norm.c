/* spectral-norm: the largest singular value of A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1),
 * i, j from 0, truncated to n x n, by 10 power iterations of AtA from u = (1,...,1).
 * Usage: spectral_norm N. Prints sqrt(u.v / v.v) as "%.9f".
 * Every sum runs over j = 0..n-1 in order, as in the other languages here. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double a(long i, long j) {
    long k = i + j;
    return 1.0 / (double)(k * (k + 1) / 2 + i + 1);
}

/* out = A v */
static void mul_av(int n, const double *v, double *out) {
    for (int i = 0; i < n; i++) {
        double sum = 0.0;
        for (int j = 0; j < n; j++) sum += a(i, j) * v[j];
        out[i] = sum;
    }
}

/* out = At v */
static void mul_atv(int n, const double *v, double *out) {
    for (int i = 0; i < n; i++) {
        double sum = 0.0;
        for (int j = 0; j < n; j++) sum += a(j, i) * v[j];
        out[i] = sum;
    }
}

/* out = At A v */
static void mul_atav(int n, const double *v, double *out, double *tmp) {
    mul_av(n, v, tmp);
    mul_atv(n, tmp, out);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100;
    double *u = malloc(sizeof(double) * (size_t)n);
    double *v = malloc(sizeof(double) * (size_t)n);
    double *tmp = malloc(sizeof(double) * (size_t)n);
    if (!u || !v || !tmp) return 1;
    for (int i = 0; i < n; i++) u[i] = 1.0;
    for (int iter = 0; iter < 10; iter++) {
        mul_atav(n, u, v, tmp);
        mul_atav(n, v, u, tmp);
    }
    double vbv = 0.0, vv = 0.0;
    for (int i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", sqrt(vbv / vv));
    free(u);
    free(v);
    free(tmp);
    return 0;
}
