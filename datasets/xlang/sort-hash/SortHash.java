// sort-hash: n xorshift32 values, sorted ascending with Arrays.sort, then count, min,
// median (element n/2), max and FNV-1a 64 over the sorted values' little-endian bytes.
// Runs as `java SortHash.java 1000` or compiled with javac.
import java.util.Arrays;

public class SortHash {
    public static void main(String[] args) {
        long nArg = args.length > 0 ? Long.parseLong(args[0].trim()) : 1000;
        if (nArg < 1) {
            System.err.println("n must be at least 1");
            System.exit(2);
        }
        int n = Math.toIntExact(nArg);

        // Values are unsigned 32-bit: kept in longs so the standard sort orders them correctly.
        long[] a = new long[n];
        int x = (int) 2463534242L;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            a[i] = x & 0xFFFFFFFFL;
        }

        Arrays.sort(a);

        long h = 0xcbf29ce484222325L;
        final long prime = 0x100000001b3L;
        for (long v : a) {
            for (int k = 0; k < 4; k++) {
                h ^= (v >>> (8 * k)) & 0xFFL;
                h *= prime; // wraps mod 2^64, as FNV-1a requires
            }
        }

        System.out.print("n=" + n + " min=" + a[0] + " median=" + a[n / 2] + " max=" + a[n - 1]
                + " fnv1a64=" + String.format("%016x", h) + "\n");
        System.out.flush();
    }
}
