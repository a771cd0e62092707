#!/usr/bin/env bash
# Installs the `benchbook` command: copies the CLI's jars from cli/target (built by `mvn install` or
# `mvn package` in the repository root) into an install folder and writes a launcher that runs them.
# Run as root; running it again replaces the install. The old install comes back if the new one fails
# its self-test.
#
#   BENCHBOOK_CLI_HOME      where the jars go                         (default /opt/benchbook/cli)
#   BENCHBOOK_CLI_BIN       the launcher                              (default /usr/local/bin/benchbook)
#   BENCHBOOK_JAVA          the java binary of a JDK 17               (default: `java` on PATH, resolved)
#   BENCHBOOK_CLI_JVM_OPTS  JVM options of the command, space-separated (default: the kernel's, below)
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="$REPO_DIR/cli/target"
INSTALL_DIR="${BENCHBOOK_CLI_HOME:-/opt/benchbook/cli}"
BIN="${BENCHBOOK_CLI_BIN:-/usr/local/bin/benchbook}"
# Suites run in the command's JVM unless they fork, so it gets the kernel's flags: a run from the command
# line and one from a notebook on the same machine share their heap and GC flags (fingerprint hard keys),
# and compiler blackholes make consuming results nearly free, as in JMH's forks.
DEFAULT_JVM_OPTS="-XX:+UseG1GC -XX:MaxRAMPercentage=50 -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
-XX:+UnlockExperimentalVMOptions -XX:CompileCommand=quiet \
-XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler -DcompilerBlackholesEnabled=true"
JVM_OPTS="${BENCHBOOK_CLI_JVM_OPTS:-$DEFAULT_JVM_OPTS}"

die() {
    echo "install-cli: $*" >&2
    exit 1
}

[[ $EUID -eq 0 ]] || die "run as root: the launcher goes to $BIN"

cli_jars=()
for jar in "$TARGET_DIR"/benchbook-cli-*.jar; do
    [[ -f "$jar" && "$jar" != *-sources.jar && "$jar" != *-javadoc.jar && "$jar" != *-tests.jar ]] \
        && cli_jars+=("$jar")
done
[[ ${#cli_jars[@]} -ge 1 && -d "$TARGET_DIR/lib" ]] \
    || die "no CLI build in $TARGET_DIR; run 'mvn -B install -DskipTests' in $REPO_DIR first"
[[ ${#cli_jars[@]} -eq 1 ]] || die "several CLI jars in $TARGET_DIR; run 'mvn clean install' first"

java_bin="${BENCHBOOK_JAVA:-$(command -v java || true)}"
[[ -n "$java_bin" ]] || die "no java on PATH; install a JDK 17 or set BENCHBOOK_JAVA"
java_bin="$(readlink -f "$java_bin")"
java_version="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[[ "$java_version" == 17 ]] || die "$java_bin is Java $java_version; the CLI needs Java 17 (set BENCHBOOK_JAVA)"

mkdir -p "$INSTALL_DIR" "$(dirname "$BIN")"
rm -rf "$INSTALL_DIR/lib.new" "$INSTALL_DIR/lib.old"
mkdir "$INSTALL_DIR/lib.new"
cp "${cli_jars[0]}" "$TARGET_DIR"/lib/*.jar "$INSTALL_DIR/lib.new/"
[[ -d "$INSTALL_DIR/lib" ]] && mv "$INSTALL_DIR/lib" "$INSTALL_DIR/lib.old"
mv "$INSTALL_DIR/lib.new" "$INSTALL_DIR/lib"
chmod -R a+rX "$INSTALL_DIR"

launcher="$(mktemp "$(dirname "$BIN")/.benchbook.XXXXXX")"
trap 'rm -f "$launcher"' EXIT
cat >"$launcher" <<LAUNCHER
#!/usr/bin/env bash
# The benchbook command, written by scripts/install-cli.sh. BENCHBOOK_CLI_JVM_OPTS replaces the JVM options.
exec "$java_bin" \${BENCHBOOK_CLI_JVM_OPTS:-$JVM_OPTS} -cp "$INSTALL_DIR/lib/*" dev.benchbook.cli.Main "\$@"
LAUNCHER
chmod 755 "$launcher"

if ! version="$("$launcher" --version 2>&1)"; then
    echo "$version" >&2
    rm -rf "$INSTALL_DIR/lib"
    [[ -d "$INSTALL_DIR/lib.old" ]] && mv "$INSTALL_DIR/lib.old" "$INSTALL_DIR/lib"
    die "the new CLI failed its self-test (benchbook --version, output above); the previous install is unchanged"
fi
mv "$launcher" "$BIN"
trap - EXIT
rm -rf "$INSTALL_DIR/lib.old"

echo "Installed $version:"
echo "  command: $BIN"
echo "  jars:    $INSTALL_DIR/lib"
echo "  java:    $java_bin"
