package dev.benchbook.kernel.maven;

import dev.benchbook.kernel.CellException.MagicError;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;

/** Resolver exceptions as cell errors: which coordinate, what went wrong, and the fix. */
final class ResolutionErrors {
    private ResolutionErrors() {
    }

    /** The headline of a direct request for a version other than the one on the class path. */
    static String conflict(Coordinate wanted, ClasspathArtifacts.Present present) {
        String fix = present.origin().startsWith("%maven")
                ? "keep " + present.version() + ", or restart the kernel to switch versions (a loaded class cannot be"
                        + " replaced)"
                : "use %maven " + wanted.key() + ":" + present.version() + " (it adds nothing: the kernel has it)";
        return "%maven " + wanted + ": version conflict: " + wanted.key() + " " + present.version()
                + " is on the class path already (from " + present.origin() + ", " + present.jar().getFileName()
                + ") and its classes load first, so " + wanted.version() + " would never be used; " + fix;
    }

    /** A collection or resolution failure, classified by its causes. */
    static MagicError of(Exception e, List<Coordinate> roots, MavenResolver resolver) {
        String requested = String.join(" ", roots.stream().map(Coordinate::toString).toList());
        Throwable network = find(e, UnknownHostException.class, ConnectException.class, NoRouteToHostException.class,
                SocketTimeoutException.class);
        ArtifactNotFoundException notFound = (ArtifactNotFoundException) find(e, ArtifactNotFoundException.class);
        ArtifactTransferException transfer = (ArtifactTransferException) find(e, ArtifactTransferException.class);
        List<String> details = new ArrayList<>();
        for (Throwable t = e; t != null && details.size() < 6; t = t.getCause()) {
            details.add("  " + t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        String local = resolver.localRepository().toString();
        if (network != null) {
            String what = transfer != null && transfer.getArtifact() != null ? transfer.getArtifact().toString() : requested;
            return new MagicError("%maven " + requested + ": no network: " + what + " is not in the local repository ("
                    + local + ") and " + resolver.remoteDescription() + " cannot be reached (" + network + "); connect"
                    + " the machine and run the cell again, or fill the local repository elsewhere (mvn dependency:get"
                    + " -Dartifact=" + what + ")", details);
        }
        if (notFound != null) {
            String what = notFound.getArtifact() != null ? notFound.getArtifact().toString() : requested;
            boolean direct = roots.stream().anyMatch(c -> what.startsWith(c.groupId() + ":" + c.artifactId() + ":"));
            return new MagicError("%maven " + requested + ": not found: " + what + " is in neither "
                    + resolver.remoteDescription() + " nor the local repository (" + local + "); "
                    + (direct ? "check the group, artifact and version (Maven Central's search lists the versions)"
                            : "it is a dependency of what you asked for; try another version of that"), details);
        }
        return new MagicError("%maven " + requested + ": resolution failed: " + firstLine(e.getMessage())
                + "; check the coordinates and the repositories (" + resolver.remoteDescription() + ")", details);
    }

    @SafeVarargs
    private static Throwable find(Throwable t, Class<? extends Throwable>... types) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(t));
        while (!todo.isEmpty()) {
            Throwable x = todo.remove(0);
            if (x == null || !seen.add(x)) {
                continue;
            }
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(x)) {
                    return x;
                }
            }
            todo.add(x.getCause());
            todo.addAll(List.of(x.getSuppressed()));
            if (x instanceof org.eclipse.aether.resolution.ArtifactResolutionException are) {
                are.getResults().forEach(r -> todo.addAll(r.getExceptions()));
            }
            if (x instanceof org.eclipse.aether.collection.DependencyCollectionException dce
                    && dce.getResult() != null) {
                todo.addAll(dce.getResult().getExceptions());
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
