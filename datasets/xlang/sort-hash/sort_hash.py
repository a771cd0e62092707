"""sort-hash: n xorshift32 values, sorted ascending with list.sort, then count, min,
median (element n/2), max and FNV-1a 64 over the sorted values' little-endian bytes."""
import struct
import sys

MASK32 = 0xFFFFFFFF
MASK64 = 0xFFFFFFFFFFFFFFFF
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    if n < 1:
        sys.stderr.write("n must be at least 1\n")
        sys.exit(2)

    a = [0] * n
    x = 2463534242
    for i in range(n):
        x ^= (x << 13) & MASK32
        x ^= x >> 17
        x ^= (x << 5) & MASK32
        a[i] = x

    a.sort()

    data = struct.pack("<%dI" % n, *a)
    h = FNV_OFFSET
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & MASK64

    sys.stdout.write("n=%d min=%d median=%d max=%d fnv1a64=%016x\n"
                     % (n, a[0], a[n // 2], a[n - 1], h))


if __name__ == "__main__":
    main()
