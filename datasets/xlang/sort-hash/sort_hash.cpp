// sort-hash: n xorshift32 values, sorted ascending with std::sort, then count, min,
// median (element n/2), max and FNV-1a 64 over the sorted values' little-endian bytes.
#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char **argv) {
    long n = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 1000;
    if (n < 1) {
        std::fprintf(stderr, "n must be at least 1\n");
        return 2;
    }
    std::vector<std::uint32_t> a(static_cast<std::size_t>(n));

    std::uint32_t x = 2463534242u;
    for (auto &v : a) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        v = x;
    }

    std::sort(a.begin(), a.end());

    std::uint64_t h = 0xcbf29ce484222325u;
    const std::uint64_t prime = 0x100000001b3u;
    for (std::uint32_t v : a) {
        for (int k = 0; k < 4; k++) {
            h ^= static_cast<std::uint64_t>((v >> (8 * k)) & 0xffu);
            h *= prime;
        }
    }

    std::printf("n=%ld min=%" PRIu32 " median=%" PRIu32 " max=%" PRIu32 " fnv1a64=%016" PRIx64 "\n",
                n, a.front(), a[static_cast<std::size_t>(n / 2)], a.back(), h);
    return 0;
}
