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

# Runs main class $1 of this module with its report in target/$2 unless the arguments name --out, then the
# rest of the arguments. Benchbook runs in this JVM, so it gets the compiler-blackhole flags that JMH 1.37
# gives its forks on JDK 17 (and that the kernel JVM uses); JMH's forks inherit these and add their own.
# Nothing else is set, so every tool runs on the JVM's default heap, GC and JIT.
run_main() {
  local main_class="$1" out_dir="$2"
  shift 2
  local flags=(
    -XX:+UnlockExperimentalVMOptions
    -XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler
    -DcompilerBlackholesEnabled=true
  )
  local out_args=(--out "$module/target/$out_dir")
  for a in "$@"; do
    [ "$a" = "--out" ] && out_args=()
  done
  exec java "${flags[@]}" -cp "$cp" "$main_class" "${out_args[@]}" "$@"
}
