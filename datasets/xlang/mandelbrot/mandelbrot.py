"""mandelbrot: N x N bitmap of the Mandelbrot set over [-1.5,0.5] x [-1,1],
50 iterations, written as a portable bitmap (P4) to stdout."""
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    max_iter = 50
    limit_sq = 4.0
    out = bytearray(b"P4\n%d %d\n" % (n, n))
    # Cr depends only on x: compute the row of Cr values once, same expression.
    crs = [2.0 * x / n - 1.5 for x in range(n)]

    for y in range(n):
        ci = 2.0 * y / n - 1.0
        byte_acc = 0
        bit_num = 0
        for cr in crs:
            zr = zi = tr = ti = 0.0
            i = 0
            while i < max_iter and tr + ti <= limit_sq:
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                i += 1
            byte_acc <<= 1
            if tr + ti <= limit_sq:
                byte_acc |= 1
            bit_num += 1
            if bit_num == 8:
                out.append(byte_acc)
                byte_acc = 0
                bit_num = 0
        if bit_num:
            out.append((byte_acc << (8 - bit_num)) & 0xFF)

    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
