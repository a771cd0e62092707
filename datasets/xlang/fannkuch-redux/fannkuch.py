"""fannkuch-redux over the permutations of 0..n-1.

Permutations come in the order produced by the rotation scheme below. For each,
count the prefix reversals ("flips") needed until 0 is in front: a front element k
reverses the first k+1 elements. Report the checksum (flips added for even-indexed
permutations, subtracted for odd ones) and the largest flip count.
Usage: python3 fannkuch.py N. Prints '<checksum>' and 'Pfannkuchen(N) = <maxflips>'.
"""
import sys


def count_flips(perm):
    first = perm[0]
    if first == 0:
        return 0
    work = perm[:]
    flips = 0
    while first:
        work[:first + 1] = work[first::-1]
        flips += 1
        first = work[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    count = [0] * n
    checksum = 0
    max_flips = 0
    index = 0
    r = n
    while True:
        # Reset the counters of the positions below r.
        while r != 1:
            count[r - 1] = r
            r -= 1

        flips = count_flips(perm)
        if flips > max_flips:
            max_flips = flips
        checksum += -flips if index % 2 else flips

        # Next permutation: rotate the first r+1 elements left by one; when the
        # counter of position r runs out, move on to a longer prefix.
        while True:
            if r == n:
                return checksum, max_flips
            perm.insert(r, perm.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        index += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    if not 1 <= n <= 16:
        sys.stderr.write('n must be between 1 and 16\n')
        sys.exit(2)
    checksum, max_flips = fannkuch(n)
    sys.stdout.write('%d\nPfannkuchen(%d) = %d\n' % (checksum, n, max_flips))


if __name__ == '__main__':
    main()
