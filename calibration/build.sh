# Sourced by run.sh and boxing.sh: builds kernel-lib from this checkout (into kernel-lib/target, never into
# the local Maven repository, which other checkouts share) and this module, then sets $cp to the classpath.
module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$module")"

# Offline first (the usual case here); online only if something is missing from the local repository.
build() {
  mvn -q -B -Dstyle.color=never -o "$@" || mvn -q -B -Dstyle.color=never "$@"
}
build -f "$root/kernel-lib/pom.xml" package -DskipTests
build -f "$module/pom.xml" package -DskipTests

# An explicit list rather than lib/*: JMH's forks reuse java.class.path as it is.
cp="$module/target/benchbook-calibration-0.1.0-SNAPSHOT.jar:$root/kernel-lib/target/benchbook-kernel-lib-0.1.0-SNAPSHOT.jar"
for jar in "$module"/target/lib/*.jar; do
  cp="$cp:$jar"
done
