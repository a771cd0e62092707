#!/usr/bin/env bash
# Installs the Benchbook Jupyter kernel system-wide. Run as root after the Maven build
# (`mvn -B install -DskipTests` in the repository root); running it again replaces the install.
#
#   BENCHBOOK_KERNEL_NAME          the kernelspec name notebooks select   (default benchbook)
#   BENCHBOOK_KERNEL_DISPLAY_NAME  the name the notebook UI shows         (default "Benchbook (Java)" for
#                                  the default name, "Benchbook (Java, NAME)" for any other)
#   BENCHBOOK_HOME      where the kernel's jars go          (default /usr/local/share/benchbook/kernel)
#   BENCHBOOK_JAVA      the java binary of a JDK 17         (default: `java` on PATH, resolved)
#   BENCHBOOK_JVM_OPTS  JVM options of the kernel process, space-separated (default below)
#   JUPYTER             the jupyter command                 (default /usr/bin/jupyter)
set -euo pipefail

KERNEL_NAME="${BENCHBOOK_KERNEL_NAME:-benchbook}"
if [[ "$KERNEL_NAME" == benchbook ]]; then
    DISPLAY_NAME="${BENCHBOOK_KERNEL_DISPLAY_NAME:-Benchbook (Java)}"
else
    DISPLAY_NAME="${BENCHBOOK_KERNEL_DISPLAY_NAME:-Benchbook (Java, $KERNEL_NAME)}"
fi
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="$REPO_DIR/kernel/target"
INSTALL_DIR="${BENCHBOOK_HOME:-/usr/local/share/benchbook/kernel}"
JUPYTER="${JUPYTER:-/usr/bin/jupyter}"
# Benchmarks run in this JVM, so the JIT keeps its defaults. G1 is named rather than left to
# ergonomics so results do not depend on machine size; it also keeps safepoint polls in counted
# loops, which is what lets "interrupt" stop a hot loop promptly.
# Compiler blackholes, as JMH's own forks use on JDK 17: consuming a benchmark's result costs next to
# nothing, so nanosecond-scale figures are comparable with JMH's.
# DebugNonSafepoints makes the JIT record where every instruction of compiled code comes from, not only
# its safepoints, so that .profile() names the method and line a sample was really in (forks get it too).
# It changes no generated code: only the debug information kept beside it.
DEFAULT_JVM_OPTS="-XX:+UseG1GC -XX:MaxRAMPercentage=50 -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
-XX:+UnlockExperimentalVMOptions -XX:CompileCommand=quiet \
-XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler -DcompilerBlackholesEnabled=true \
-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints"
JVM_OPTS="${BENCHBOOK_JVM_OPTS:-$DEFAULT_JVM_OPTS}"
# Not tuning, so not replaced by BENCHBOOK_JVM_OPTS: inspection shows the library's javadoc by giving
# JShell's source analysis the library's sources (see JavadocSources), which needs jdk.jshell opened.
REQUIRED_JVM_OPTS="--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED -Dbenchbook.sources=$INSTALL_DIR/src"
LIB_SOURCES="$REPO_DIR/kernel-lib/src/main/java"

die() {
    echo "install-kernel: $*" >&2
    exit 1
}

[[ $EUID -eq 0 ]] || die "run as root: the kernelspec is installed system-wide"
[[ "$KERNEL_NAME" =~ ^[A-Za-z0-9._-]+$ ]] \
    || die "BENCHBOOK_KERNEL_NAME='$KERNEL_NAME': a kernelspec name has only letters, digits, '.', '_' and '-'"
[[ -d "$LIB_SOURCES/dev/benchbook" ]] || die "no library sources in $LIB_SOURCES; run this script from a checkout"
[[ -x "$JUPYTER" ]] || die "$JUPYTER not found; install Jupyter (e.g. apt-get install jupyter-notebook)"

kernel_jars=()
for jar in "$TARGET_DIR"/benchbook-kernel-*.jar; do
    [[ -f "$jar" && "$jar" != *-sources.jar && "$jar" != *-javadoc.jar && "$jar" != *-tests.jar ]] \
        && kernel_jars+=("$jar")
done
[[ ${#kernel_jars[@]} -ge 1 && -d "$TARGET_DIR/lib" ]] \
    || die "no kernel build in $TARGET_DIR; run 'mvn -B install -DskipTests' in $REPO_DIR first"
[[ ${#kernel_jars[@]} -eq 1 ]] || die "several kernel jars in $TARGET_DIR; run 'mvn clean install' first"

java_bin="${BENCHBOOK_JAVA:-$(command -v java || true)}"
[[ -n "$java_bin" ]] || die "no java on PATH; install a JDK 17 or set BENCHBOOK_JAVA"
java_bin="$(readlink -f "$java_bin")"
java_version="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[[ "$java_version" == 17 ]] || die "$java_bin is Java $java_version; the kernel needs Java 17 (set BENCHBOOK_JAVA)"

read -ra jvm_opts <<<"$REQUIRED_JVM_OPTS $JVM_OPTS"
archive="$INSTALL_DIR/benchbook.jsa"

# Stage the jars next to the old install and swap directories; the old install comes back if the
# new one fails its self-test. The library's sources go along, for inspection's javadoc; they are
# the sources of the jars built from this checkout.
mkdir -p "$INSTALL_DIR"
rm -rf "$INSTALL_DIR/lib.new" "$INSTALL_DIR/lib.old" "$archive.old" "$INSTALL_DIR/src.new" "$INSTALL_DIR/src.old"
mkdir "$INSTALL_DIR/lib.new"
cp "${kernel_jars[0]}" "$TARGET_DIR"/lib/*.jar "$INSTALL_DIR/lib.new/"
cp -r "$LIB_SOURCES" "$INSTALL_DIR/src.new"
[[ -d "$INSTALL_DIR/lib" ]] && mv "$INSTALL_DIR/lib" "$INSTALL_DIR/lib.old"
[[ -d "$INSTALL_DIR/src" ]] && mv "$INSTALL_DIR/src" "$INSTALL_DIR/src.old"
[[ -f "$archive" ]] && mv "$archive" "$archive.old"
mv "$INSTALL_DIR/lib.new" "$INSTALL_DIR/lib"
mv "$INSTALL_DIR/src.new" "$INSTALL_DIR/src"

# The self-test evaluates a few cells and opens a loopback connection. The JVM records the classes
# that took into a class-data-sharing archive, which the kernel maps at start instead of loading
# them from jars: it starts about a third faster. CDS leaves the JIT alone.
echo "Running the kernel's self-test..."
if ! self_test="$("$java_bin" "${jvm_opts[@]}" -XX:ArchiveClassesAtExit="$archive" \
        -cp "$INSTALL_DIR/lib/*" dev.benchbook.kernel.Main --self-test 2>&1)"; then
    tail -n 40 <<<"$self_test" >&2
    rm -rf "$INSTALL_DIR/lib" "$INSTALL_DIR/src" "$archive"
    [[ -d "$INSTALL_DIR/lib.old" ]] && mv "$INSTALL_DIR/lib.old" "$INSTALL_DIR/lib"
    [[ -d "$INSTALL_DIR/src.old" ]] && mv "$INSTALL_DIR/src.old" "$INSTALL_DIR/src"
    [[ -f "$archive.old" ]] && mv "$archive.old" "$archive"
    die "the new kernel failed its self-test (output above); the previous install is unchanged"
fi
grep -h "self-test passed" <<<"$self_test" || true
rm -rf "$INSTALL_DIR/lib.old" "$INSTALL_DIR/src.old" "$archive.old"
cds_opts=()
if [[ -f "$archive" ]]; then
    cds_opts=("-XX:SharedArchiveFile=$archive")
else
    echo "install-kernel: warning: no class-data-sharing archive was written; the kernel will start slower" >&2
fi
chmod -R a+rX "$INSTALL_DIR"

spec_dir="$(mktemp -d)"
trap 'rm -rf "$spec_dir"' EXIT
/usr/bin/python3 - "$spec_dir/kernel.json" "$DISPLAY_NAME" "$java_bin" "$INSTALL_DIR/lib/*" \
        "${jvm_opts[@]}" "${cds_opts[@]}" <<'PY'
import json, sys

path, display_name, java, classpath, *jvm_opts = sys.argv[1:]
spec = {
    "argv": [java, *jvm_opts, "-cp", classpath, "dev.benchbook.kernel.Main", "{connection_file}"],
    "display_name": display_name,
    "language": "java",
    # A SIGINT would kill the JVM; interrupt_request on the control channel stops the cell instead.
    "interrupt_mode": "message",
    "metadata": {},
}
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY

# Jupyter's chatter goes to the terminal only when something fails.
if ! out="$("$JUPYTER" kernelspec install --replace --name "$KERNEL_NAME" "$spec_dir" 2>&1)"; then
    echo "$out" >&2
    die "'$JUPYTER kernelspec install' failed"
fi
spec_list="$("$JUPYTER" kernelspec list 2>/dev/null)"
grep -Eq "^ +$KERNEL_NAME +" <<<"$spec_list" \
    || die "'$JUPYTER kernelspec list' does not show $KERNEL_NAME after installing it"

echo "Installed kernel '$KERNEL_NAME' ($DISPLAY_NAME):"
echo "  jars:       $INSTALL_DIR/lib"
echo "  sources:    $INSTALL_DIR/src"
echo "  cds:        ${cds_opts[*]:-(none)}"
echo "  java:       $java_bin"
echo "  kernelspec: $(awk -v k="$KERNEL_NAME" '$1 == k {print $2}' <<<"$spec_list")"
