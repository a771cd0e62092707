package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException;
import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;
import dev.benchbook.kernel.maven.ClasspathArtifacts;
import dev.benchbook.kernel.maven.Coordinate;
import dev.benchbook.kernel.maven.MavenResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code %maven group:artifact:version ...}: resolves artifacts and their runtime dependencies from
 * the local repository and Maven Central and adds the jars to later cells' class path and to the
 * loader their benchmarks run in. What the class path has already is left out (and named); a
 * coordinate resolved before in this kernel is not resolved again.
 */
final class MavenMagic implements Magic {
    private final Supplier<MavenResolver> resolverFactory;
    private MavenResolver resolver;
    private ClasspathArtifacts present;
    private final Set<String> resolved = new LinkedHashSet<>();

    MavenMagic() {
        this(MavenResolver::standard);
    }

    /** A magic resolving with what {@code resolverFactory} builds on first use (tests use a local repository). */
    MavenMagic(Supplier<MavenResolver> resolverFactory) {
        this.resolverFactory = resolverFactory;
    }

    @Override
    public String name() {
        return "%maven";
    }

    @Override
    public String help() {
        return "GROUP:ARTIFACT:VERSION ... : resolve artifacts with their dependencies from ~/.m2 and Maven Central"
                + " and add them to the class path of later cells and their benchmarks";
    }

    @Override
    public JShellEvaluator.Result run(MagicCall call, MagicSession session) {
        List<String> words = MagicArgs.words(name(), call.args());
        if (words.isEmpty()) {
            throw new MagicError("%maven: no coordinate given; write %maven group:artifact:version ...,"
                    + " e.g. %maven com.google.code.gson:gson:2.11.0");
        }
        List<Coordinate> coordinates = new ArrayList<>();
        for (String w : words) {
            coordinates.add(Coordinate.parse(w));
        }
        long start = System.nanoTime();
        List<Coordinate> todo = coordinates.stream().filter(c -> !resolved.contains(c.toString())).toList();
        if (todo.isEmpty()) {
            session.out().println("%maven: " + String.join(" ", words) + " resolved in an earlier cell; nothing to do ("
                    + Units.time(System.nanoTime() - start) + ")");
            return JShellEvaluator.Result.NONE;
        }
        MavenResolver.Resolution r = resolveInterruptibly(todo, session);
        for (MavenResolver.Added a : r.added()) {
            session.addToClasspath(a.jar());
            present.add(a.key(), a.version(), a.jar(), "%maven in " + call.label());
        }
        todo.forEach(c -> resolved.add(c.toString()));
        report(todo, r, System.nanoTime() - start, session);
        return JShellEvaluator.Result.NONE;
    }

    /** Resolves on a helper thread so that an interrupt stops a slow download. */
    private MavenResolver.Resolution resolveInterruptibly(List<Coordinate> todo, MagicSession session) {
        CompletableFuture<MavenResolver.Resolution> future = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                if (resolver == null) {
                    resolver = resolverFactory.get();
                    present = ClasspathArtifacts.ofKernel();
                }
                future.complete(resolver.resolve(todo, present));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "benchbook-maven");
        worker.setDaemon(true);
        worker.start();
        while (true) {
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (session.stopRequested()) {
                    worker.interrupt();
                    throw new CellException.Interrupted();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new MagicError("%maven: resolution failed: " + e.getCause());
            } catch (InterruptedException e) {
                worker.interrupt();
                Thread.currentThread().interrupt();
                throw new CellException.Interrupted();
            }
        }
    }

    private static void report(List<Coordinate> todo, MavenResolver.Resolution r, long nanos, MagicSession session) {
        StringBuilder b = new StringBuilder("%maven: resolved ").append(String.join(" ",
                todo.stream().map(Coordinate::toString).toList())).append(" in ").append(Units.time(nanos));
        if (r.added().isEmpty()) {
            b.append("; nothing to add");
        }
        for (MavenResolver.Added a : r.added()) {
            b.append("\n  added ").append(a.coordinate()).append(" (").append(a.jar().getFileName()).append(')');
        }
        for (MavenResolver.Kept k : r.kept()) {
            b.append("\n  on the class path already: ").append(k.key()).append(' ').append(k.present().version())
                    .append(" (").append(k.present().origin());
            if (!k.wanted().equals(k.present().version())) {
                b.append("; ").append(k.wanted()).append(" was asked for, ").append(k.present().version())
                        .append(" is used");
            }
            b.append(')');
        }
        session.out().println(b);
    }
}
