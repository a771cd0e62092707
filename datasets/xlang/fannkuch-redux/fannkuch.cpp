// fannkuch-redux: for every permutation of 0..n-1, taken in the order produced by
// the rotation scheme below, count the prefix reversals ("flips") needed until 0
// is in front: a front element k reverses the first k+1 elements. Report the
// checksum (flips added for even-indexed permutations, subtracted for odd ones)
// and the largest flip count.
// Usage: fannkuch N. Prints "<checksum>" and "Pfannkuchen(N) = <maxflips>".
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

namespace {

constexpr int kMaxN = 16;
using Perm = std::array<int, kMaxN>;

int countFlips(const Perm &perm) {
    if (perm[0] == 0) return 0;
    Perm work = perm;
    int flips = 0;
    for (int first = work[0]; first != 0; first = work[0]) {
        std::reverse(work.begin(), work.begin() + first + 1);
        flips++;
    }
    return flips;
}

}  // namespace

int main(int argc, char **argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 7;
    if (n < 1 || n > kMaxN) {
        std::fprintf(stderr, "n must be between 1 and %d\n", kMaxN);
        return 2;
    }
    Perm perm{}, count{};
    for (int i = 0; i < n; i++) perm[i] = i;
    long long checksum = 0;
    int maxFlips = 0;
    long long index = 0;
    int r = n;
    for (;;) {
        // Reset the counters of the positions below r.
        for (; r != 1; r--) count[r - 1] = r;

        const int flips = countFlips(perm);
        maxFlips = std::max(maxFlips, flips);
        checksum += (index % 2 == 0) ? flips : -flips;

        // Next permutation: rotate the first r+1 elements left by one; when the
        // counter of position r runs out, move on to a longer prefix.
        for (;;) {
            if (r == n) {
                std::printf("%lld\nPfannkuchen(%d) = %d\n", checksum, n, maxFlips);
                return 0;
            }
            std::rotate(perm.begin(), perm.begin() + 1, perm.begin() + r + 1);
            if (--count[r] > 0) break;
            r++;
        }
        index++;
    }
}
