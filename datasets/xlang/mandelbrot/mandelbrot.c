/* mandelbrot: N x N bitmap of the Mandelbrot set over [-1.5,0.5] x [-1,1],
 * 50 iterations, written as a portable bitmap (P4) to stdout. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 200;
    const int max_iter = 50;
    const double limit_sq = 4.0;
    int row_bytes = (n + 7) / 8;
    unsigned char *row = malloc(row_bytes > 0 ? (size_t)row_bytes : 1);
    if (row == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }

    printf("P4\n%d %d\n", n, n);
    for (int y = 0; y < n; y++) {
        double ci = 2.0 * y / n - 1.0;
        int byte_acc = 0;
        int bit_num = 0;
        int k = 0;
        for (int x = 0; x < n; x++) {
            double cr = 2.0 * x / n - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            for (int i = 0; i < max_iter && tr + ti <= limit_sq; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            byte_acc <<= 1;
            if (tr + ti <= limit_sq)
                byte_acc |= 1;
            bit_num++;
            if (bit_num == 8) {
                row[k++] = (unsigned char)byte_acc;
                byte_acc = 0;
                bit_num = 0;
            }
        }
        if (bit_num != 0) {
            row[k++] = (unsigned char)(byte_acc << (8 - bit_num));
        }
        fwrite(row, 1, (size_t)row_bytes, stdout);
    }
    free(row);
    return 0;
}
