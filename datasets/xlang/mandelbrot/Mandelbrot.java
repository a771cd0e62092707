// mandelbrot: N x N bitmap of the Mandelbrot set over [-1.5,0.5] x [-1,1],
// 50 iterations, written as a portable bitmap (P4) to stdout.
// Runs as `java Mandelbrot.java 200` or compiled with javac.
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

public class Mandelbrot {
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0].trim()) : 200;
        final int maxIter = 50;
        final double limitSq = 4.0;
        int rowBytes = (n + 7) / 8;
        byte[] bitmap = new byte[Math.max(0, rowBytes * n)];
        int k = 0;

        for (int y = 0; y < n; y++) {
            double ci = 2.0 * y / n - 1.0;
            int byteAcc = 0;
            int bitNum = 0;
            for (int x = 0; x < n; x++) {
                double cr = 2.0 * x / n - 1.5;
                double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
                for (int i = 0; i < maxIter && tr + ti <= limitSq; i++) {
                    zi = 2.0 * zr * zi + ci;
                    zr = tr - ti + cr;
                    tr = zr * zr;
                    ti = zi * zi;
                }
                byteAcc <<= 1;
                if (tr + ti <= limitSq) {
                    byteAcc |= 1;
                }
                if (++bitNum == 8) {
                    bitmap[k++] = (byte) byteAcc;
                    byteAcc = 0;
                    bitNum = 0;
                }
            }
            if (bitNum != 0) {
                bitmap[k++] = (byte) (byteAcc << (8 - bitNum));
            }
        }

        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        out.write(("P4\n" + n + " " + n + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bitmap, 0, k);
        out.flush();
    }
}
