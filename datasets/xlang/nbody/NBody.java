// n-body: the Sun and the four Jovian planets, symplectic Euler steps of dt = 0.01.
// Usage: java NBody.java STEPS (or javac NBody.java && java NBody STEPS).
// Prints the total energy before and after, "%.9f" each. Same floating-point
// operations in the same order as the other languages here (Java double
// arithmetic is strict IEEE 754, so nothing is fused or reordered).
import java.util.Locale;

public final class NBody {
    private static final double PI = 3.141592653589793;
    private static final double SOLAR_MASS = 4.0 * PI * PI;
    private static final double DAYS_PER_YEAR = 365.24;

    private static final class Body {
        double x, y, z, vx, vy, vz, mass;

        Body(double x, double y, double z, double vx, double vy, double vz, double mass) {
            this.x = x;
            this.y = y;
            this.z = z;
            this.vx = vx;
            this.vy = vy;
            this.vz = vz;
            this.mass = mass;
        }
    }

    private static Body planet(double x, double y, double z, double vx, double vy, double vz, double mass) {
        return new Body(x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR, mass * SOLAR_MASS);
    }

    private static Body[] initialSystem() {
        return new Body[] {
            new Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS), // Sun
            planet(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                   1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
                   9.54791938424326609e-04), // Jupiter
            planet(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                   -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
                   2.85885980666130812e-04), // Saturn
            planet(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                   2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
                   4.36624404335156298e-05), // Uranus
            planet(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                   2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
                   5.15138902046611451e-05), // Neptune
        };
    }

    private static void offsetMomentum(Body[] bodies) {
        double px = 0.0, py = 0.0, pz = 0.0;
        for (Body b : bodies) {
            px += b.vx * b.mass;
            py += b.vy * b.mass;
            pz += b.vz * b.mass;
        }
        bodies[0].vx = -px / SOLAR_MASS;
        bodies[0].vy = -py / SOLAR_MASS;
        bodies[0].vz = -pz / SOLAR_MASS;
    }

    private static double energy(Body[] bodies) {
        double e = 0.0;
        for (int i = 0; i < bodies.length; i++) {
            Body a = bodies[i];
            e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz);
            for (int j = i + 1; j < bodies.length; j++) {
                Body b = bodies[j];
                double dx = a.x - b.x;
                double dy = a.y - b.y;
                double dz = a.z - b.z;
                e -= (a.mass * b.mass) / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    private static void advance(Body[] bodies, double dt) {
        for (int i = 0; i < bodies.length; i++) {
            Body a = bodies[i];
            for (int j = i + 1; j < bodies.length; j++) {
                Body b = bodies[j];
                double dx = a.x - b.x;
                double dy = a.y - b.y;
                double dz = a.z - b.z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * Math.sqrt(d2));
                double ma = a.mass * mag;
                double mb = b.mass * mag;
                a.vx -= dx * mb;
                a.vy -= dy * mb;
                a.vz -= dz * mb;
                b.vx += dx * ma;
                b.vy += dy * ma;
                b.vz += dz * ma;
            }
        }
        for (Body b : bodies) {
            b.x += dt * b.vx;
            b.y += dt * b.vy;
            b.z += dt * b.vz;
        }
    }

    public static void main(String[] args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        Body[] bodies = initialSystem();
        offsetMomentum(bodies);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%.9f", energy(bodies))).append('\n');
        for (long s = 0; s < steps; s++) {
            advance(bodies, 0.01);
        }
        out.append(String.format(Locale.ROOT, "%.9f", energy(bodies))).append('\n');
        System.out.print(out);
        System.out.flush();
    }
}
