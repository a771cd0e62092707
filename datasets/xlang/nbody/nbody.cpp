// n-body: the Sun and the four Jovian planets, symplectic Euler steps of dt = 0.01.
// Usage: nbody STEPS. Prints the total energy before and after, "%.9f" each.
// Same floating-point operations in the same order as the other languages here.
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace {

constexpr double kPi = 3.141592653589793;
constexpr double kSolarMass = 4.0 * kPi * kPi;
constexpr double kDaysPerYear = 365.24;

struct Body {
    double x, y, z, vx, vy, vz, mass;
};

class System {
public:
    System()
        : bodies_{{
              {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, kSolarMass},  // Sun
              {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
               1.66007664274403694e-03 * kDaysPerYear, 7.69901118419740425e-03 * kDaysPerYear,
               -6.90460016972063023e-05 * kDaysPerYear, 9.54791938424326609e-04 * kSolarMass},  // Jupiter
              {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
               -2.76742510726862411e-03 * kDaysPerYear, 4.99852801234917238e-03 * kDaysPerYear,
               2.30417297573763929e-05 * kDaysPerYear, 2.85885980666130812e-04 * kSolarMass},  // Saturn
              {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
               2.96460137564761618e-03 * kDaysPerYear, 2.37847173959480950e-03 * kDaysPerYear,
               -2.96589568540237556e-05 * kDaysPerYear, 4.36624404335156298e-05 * kSolarMass},  // Uranus
              {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
               2.68067772490389322e-03 * kDaysPerYear, 1.62824170038242295e-03 * kDaysPerYear,
               -9.51592254519715870e-05 * kDaysPerYear, 5.15138902046611451e-05 * kSolarMass},  // Neptune
          }} {
        double px = 0.0, py = 0.0, pz = 0.0;
        for (const Body &b : bodies_) {
            px += b.vx * b.mass;
            py += b.vy * b.mass;
            pz += b.vz * b.mass;
        }
        bodies_[0].vx = -px / kSolarMass;
        bodies_[0].vy = -py / kSolarMass;
        bodies_[0].vz = -pz / kSolarMass;
    }

    double energy() const {
        double e = 0.0;
        for (std::size_t i = 0; i < bodies_.size(); i++) {
            const Body &a = bodies_[i];
            e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz);
            for (std::size_t j = i + 1; j < bodies_.size(); j++) {
                const Body &b = bodies_[j];
                double dx = a.x - b.x;
                double dy = a.y - b.y;
                double dz = a.z - b.z;
                e -= (a.mass * b.mass) / std::sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    void advance(double dt) {
        for (std::size_t i = 0; i < bodies_.size(); i++) {
            Body &a = bodies_[i];
            for (std::size_t j = i + 1; j < bodies_.size(); j++) {
                Body &b = bodies_[j];
                double dx = a.x - b.x;
                double dy = a.y - b.y;
                double dz = a.z - b.z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * std::sqrt(d2));
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
        for (Body &b : bodies_) {
            b.x += dt * b.vx;
            b.y += dt * b.vy;
            b.z += dt * b.vz;
        }
    }

private:
    std::array<Body, 5> bodies_;
};

}  // namespace

int main(int argc, char **argv) {
    long steps = argc > 1 ? std::atol(argv[1]) : 1000;
    System sys;
    std::printf("%.9f\n", sys.energy());
    for (long s = 0; s < steps; s++) sys.advance(0.01);
    std::printf("%.9f\n", sys.energy());
    return 0;
}
