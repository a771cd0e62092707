// mandelbrot: N x N bitmap of the Mandelbrot set over [-1.5,0.5] x [-1,1],
// 50 iterations, written as a portable bitmap (P4) to stdout.
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char **argv) {
    int n = argc > 1 ? std::atoi(argv[1]) : 200;
    const int max_iter = 50;
    const double limit_sq = 4.0;
    const std::size_t row_bytes = static_cast<std::size_t>((n + 7) / 8);
    std::vector<unsigned char> bitmap;
    bitmap.reserve(row_bytes * static_cast<std::size_t>(n > 0 ? n : 0));

    for (int y = 0; y < n; y++) {
        const double ci = 2.0 * y / n - 1.0;
        unsigned byte_acc = 0;
        int bit_num = 0;
        for (int x = 0; x < n; x++) {
            const double cr = 2.0 * x / n - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            for (int i = 0; i < max_iter && tr + ti <= limit_sq; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            byte_acc <<= 1;
            if (tr + ti <= limit_sq)
                byte_acc |= 1u;
            if (++bit_num == 8) {
                bitmap.push_back(static_cast<unsigned char>(byte_acc));
                byte_acc = 0;
                bit_num = 0;
            }
        }
        if (bit_num != 0)
            bitmap.push_back(static_cast<unsigned char>(byte_acc << (8 - bit_num)));
    }

    std::printf("P4\n%d %d\n", n, n);
    std::fwrite(bitmap.data(), 1, bitmap.size(), stdout);
    return 0;
}
