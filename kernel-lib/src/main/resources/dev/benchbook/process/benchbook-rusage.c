/*
 * benchbook-rusage: runs one program as a child process and reports that child's own resource use,
 * which Java's Process API cannot give. Benchbook compiles it on first use (see NativeRusage.java).
 *
 * Usage: benchbook-rusage <result-file> <program> [args...]
 *
 * The child inherits stdin, stdout, stderr, the environment and the working directory, and
 * execvp's <program>. The parent waits for it with wait4 and writes one line to <result-file>:
 *
 *   wall_ns=<n> user_ns=<n> sys_ns=<n> maxrss_bytes=<n> status=<n>
 *
 * wall_ns is CLOCK_MONOTONIC from just before fork to just after wait4; user_ns and sys_ns are the
 * child's ru_utime and ru_stime (microsecond resolution); maxrss_bytes is its ru_maxrss (KiB on
 * Linux, bytes on macOS); status is the program's exit code, or 128 + the signal that ended it.
 *
 * The floor: a child's ru_maxrss counts what its process held before exec, so it is never below
 * this wrapper's resident set at the fork, about 1 MiB (the dynamically linked C library and a few
 * pages). A program forked from a JVM would start from the JVM's resident set instead, which is why
 * this wrapper exists and stays tiny: no allocation and no stdio before the fork.
 *
 * Exit codes: 0 the program ran (its own status is in the result file); 2 usage error; 125 the
 * wrapper itself failed (pipe, fork, wait4, or writing the result file; reason on stderr); 127 the
 * program could not be executed (errno text on stderr, no result file written).
 */
#define _DEFAULT_SOURCE
#define _DARWIN_C_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef __APPLE__
#define MAXRSS_UNIT 1LL
#else
#define MAXRSS_UNIT 1024LL
#endif

static long long tv_ns(struct timeval tv) {
    return (long long) tv.tv_sec * 1000000000LL + (long long) tv.tv_usec * 1000LL;
}

static int fail(const char *what) {
    fprintf(stderr, "benchbook-rusage: %s: %s\n", what, strerror(errno));
    return 125;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: benchbook-rusage <result-file> <program> [args...]\n", stderr);
        return 2;
    }
    /* The child reports a failed exec through this pipe; exec closes it, so EOF means it ran. */
    int fds[2];
    if (pipe(fds) != 0 || fcntl(fds[0], F_SETFD, FD_CLOEXEC) != 0 || fcntl(fds[1], F_SETFD, FD_CLOEXEC) != 0) {
        return fail("pipe");
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        return fail("fork");
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        int e = errno;
        ssize_t ignored = write(fds[1], &e, sizeof e);
        (void) ignored;
        _exit(127);
    }
    close(fds[1]);
    int status;
    struct rusage ru;
    pid_t w;
    while ((w = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR) {
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (w < 0) {
        return fail("wait4");
    }
    int e = 0;
    ssize_t n;
    while ((n = read(fds[0], &e, sizeof e)) < 0 && errno == EINTR) {
    }
    if (n == (ssize_t) sizeof e) {
        fprintf(stderr, "benchbook-rusage: cannot execute %s: %s\n", argv[2], strerror(e));
        return 127;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255;
    long long wall = (long long) (t1.tv_sec - t0.tv_sec) * 1000000000LL + (long long) (t1.tv_nsec - t0.tv_nsec);
    FILE *out = fopen(argv[1], "w");
    if (out == NULL) {
        return fail(argv[1]);
    }
    fprintf(out, "wall_ns=%lld user_ns=%lld sys_ns=%lld maxrss_bytes=%lld status=%d\n", wall, tv_ns(ru.ru_utime),
            tv_ns(ru.ru_stime), (long long) ru.ru_maxrss * MAXRSS_UNIT, code);
    if (ferror(out) || fclose(out) != 0) {
        return fail(argv[1]);
    }
    return 0;
}
