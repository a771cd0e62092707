package dev.benchbook.kernel.maven;

import dev.benchbook.kernel.CellException.MagicError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.ResolutionErrorPolicy;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;

/**
 * Resolves coordinates and their runtime dependencies to jars, the way a Maven build would, and
 * leaves out what the class path already has. Built once per kernel: creating the resolver costs
 * a few hundred milliseconds, later resolutions of artifacts in the local repository a few.
 */
public final class MavenResolver implements AutoCloseable {
    /** Maven Central, as Maven's super POM names it. */
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
    private static final Set<String> RUNTIME_SCOPES = Set.of("", "compile", "runtime");

    private final RepositorySystem system;
    private final RepositorySystemSession.CloseableSession session;
    private final List<RemoteRepository> remotes;
    private final Path localRepository;

    /**
     * An artifact resolution.
     *
     * @param added the jars to add, with their coordinates
     * @param kept artifacts the graph wanted that the class path has already, with the version the
     *     graph asked for ({@code wanted}) and the one present
     * @param elapsed how long it took
     */
    public record Resolution(List<Added> added, List<Kept> kept, Duration elapsed) {
    }

    /** A jar to add. */
    public record Added(String coordinate, String key, String version, Path jar) {
    }

    /** An artifact the class path has already; {@code wanted} may differ from the present version. */
    public record Kept(String key, String wanted, ClasspathArtifacts.Present present) {
    }

    /**
     * @param localRepository the local repository, read and filled
     * @param remoteUrls the remote repositories, the first with the id {@code central} so that
     *     artifacts Maven downloaded count as available
     */
    public MavenResolver(Path localRepository, List<String> remoteUrls) {
        this.localRepository = localRepository;
        this.system = new RepositorySystemSupplier().get();
        this.session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                // A failure is not remembered: the next %maven tries again (network back, typo fixed).
                .setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(ResolutionErrorPolicy.CACHE_DISABLED))
                .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, 10_000)
                .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, 60_000)
                .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1)
                .setConfigProperty(ConfigurationProperties.USER_AGENT, "Benchbook kernel (maven-resolver)")
                .build();
        List<RemoteRepository> repos = new ArrayList<>();
        for (int i = 0; i < remoteUrls.size(); i++) {
            repos.add(new RemoteRepository.Builder(i == 0 ? "central" : "repo" + i, "default", remoteUrls.get(i)).build());
        }
        this.remotes = List.copyOf(repos);
    }

    /**
     * The kernel's resolver: the local repository of {@code -Dmaven.repo.local}, else
     * {@code ~/.m2/repository}; the remote repositories of {@code BENCHBOOK_MAVEN_REPOSITORIES}
     * (comma-separated URLs), else Maven Central.
     */
    public static MavenResolver standard() {
        String local = System.getProperty("maven.repo.local");
        Path repo = local != null && !local.isBlank() ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        String env = System.getenv("BENCHBOOK_MAVEN_REPOSITORIES");
        List<String> urls = env == null || env.isBlank() ? List.of(CENTRAL)
                : List.of(env.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new MavenResolver(repo, urls);
    }

    /** The local repository. */
    public Path localRepository() {
        return localRepository;
    }

    /** Where artifacts come from, for messages: {@code Maven Central (url)} or the URLs. */
    public String remoteDescription() {
        return String.join(", ", remotes.stream()
                .map(r -> r.getUrl().equals(CENTRAL) ? "Maven Central (" + r.getUrl() + ")" : r.getUrl()).toList());
    }

    /**
     * Resolves {@code roots} with their runtime dependencies. An artifact the class path has at the
     * same version is kept, with what it depends on. One it has at another version is a conflict when
     * asked for directly; as a dependency of another, the present version is kept and reported.
     *
     * @throws MagicError naming the coordinate and the fix: not found, no network, conflict
     */
    public Resolution resolve(List<Coordinate> roots, ClasspathArtifacts present) {
        long start = System.nanoTime();
        List<String> conflicts = new ArrayList<>();
        for (Coordinate c : roots) {
            present.find(c.key()).filter(p -> !p.version().equals(c.version()) && c.classifier().isEmpty())
                    .ifPresent(p -> conflicts.add(ResolutionErrors.conflict(c, p)));
        }
        if (!conflicts.isEmpty()) {
            throw new MagicError(conflicts.get(0), conflicts.subList(1, conflicts.size()));
        }
        CollectRequest collect = new CollectRequest();
        for (Coordinate c : roots) {
            collect.addDependency(new Dependency(new DefaultArtifact(c.resolverForm()), "runtime"));
        }
        collect.setRepositories(remotes);
        DependencyNode root;
        try {
            root = system.collectDependencies(session, collect).getRoot();
        } catch (DependencyCollectionException e) {
            throw ResolutionErrors.of(e, roots, this);
        }
        Map<String, DependencyNode> wanted = new LinkedHashMap<>();
        List<Kept> kept = new ArrayList<>();
        for (DependencyNode child : root.getChildren()) {
            walk(child, present, wanted, kept);
        }
        List<ArtifactRequest> requests = new ArrayList<>();
        for (DependencyNode n : wanted.values()) {
            requests.add(new ArtifactRequest(n.getArtifact(), remotes, null));
        }
        List<ArtifactResult> results;
        try {
            results = system.resolveArtifacts(session, requests);
        } catch (ArtifactResolutionException e) {
            throw ResolutionErrors.of(e, roots, this);
        }
        List<Added> added = new ArrayList<>();
        for (ArtifactResult r : results) {
            Artifact a = r.getArtifact();
            added.add(new Added(a.toString(), a.getGroupId() + ":" + a.getArtifactId(), a.getVersion(),
                    a.getPath()));
        }
        return new Resolution(added, kept, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void walk(DependencyNode node, ClasspathArtifacts present, Map<String, DependencyNode> wanted,
            List<Kept> kept) {
        Artifact a = node.getArtifact();
        if (a == null || node.getDependency() == null || !RUNTIME_SCOPES.contains(node.getDependency().getScope())) {
            return;
        }
        String key = a.getGroupId() + ":" + a.getArtifactId();
        var have = a.getClassifier().isEmpty() ? present.find(key) : java.util.Optional.<ClasspathArtifacts.Present>empty();
        if (have.isPresent()) {
            // The class path has it, and what it needs: its subtree is satisfied.
            kept.add(new Kept(key, a.getVersion(), have.get()));
            return;
        }
        if (!"jar".equals(a.getExtension()) || wanted.putIfAbsent(a.toString(), node) != null) {
            return;
        }
        for (DependencyNode child : node.getChildren()) {
            walk(child, present, wanted, kept);
        }
    }

    @Override
    public void close() {
        session.close();
        system.shutdown();
    }
}
