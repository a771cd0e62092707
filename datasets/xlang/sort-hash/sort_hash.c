/* sort-hash: n xorshift32 values, sorted ascending with qsort, then count, min,
 * median (element n/2), max and FNV-1a 64 over the sorted values' little-endian bytes. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a;
    uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
    if (n < 1) {
        fprintf(stderr, "n must be at least 1\n");
        return 2;
    }
    uint32_t *a = malloc((size_t)n * sizeof *a);
    if (a == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }

    uint32_t x = 2463534242u;
    for (long i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        a[i] = x;
    }

    qsort(a, (size_t)n, sizeof *a, cmp_u32);

    uint64_t h = 0xcbf29ce484222325u;
    const uint64_t prime = 0x100000001b3u;
    for (long i = 0; i < n; i++) {
        uint32_t v = a[i];
        for (int k = 0; k < 4; k++) {
            h ^= (uint64_t)((v >> (8 * k)) & 0xffu);
            h *= prime;
        }
    }

    printf("n=%ld min=%" PRIu32 " median=%" PRIu32 " max=%" PRIu32 " fnv1a64=%016" PRIx64 "\n",
           n, a[0], a[n / 2], a[n - 1], h);
    free(a);
    return 0;
}
