package city.local.dynamodb;

import city.local.files.OwnerOnlyFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB for the twin: dynalite from the project's node_modules, as a child process on loopback only, on
 * LevelDB under a folder that only the owner can read (its files too) or in memory. The child exits when its stdin closes, so even a JVM killed with
 * SIGKILL leaves no orphan; {@link #close()} also stops the whole process tree.
 */
public final class Dynalite implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dynalite.class);
  private static final Pattern LISTENING = Pattern.compile("dynalite listening on port (\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final int OUTPUT_LINES_KEPT = 40;
  private static final String LOOPBACK = "127.0.0.1";

  private final Process process;
  private final int port;
  private final Optional<Path> dataDir;

  private Dynalite(Process process, int port, Optional<Path> dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * Starts dynalite and waits until it listens.
   *
   * @param dataDir LevelDB folder (created if missing), or empty for an in-memory store
   */
  public static Dynalite start(Path repoRoot, Optional<Path> dataDir) {
    Path dynaliteDir = repoRoot.resolve("node_modules").resolve("dynalite");
    if (!Files.isRegularFile(dynaliteDir.resolve("index.js"))) {
      throw new IllegalStateException("dynalite is not installed in " + dynaliteDir + ": run `npm ci` in " + repoRoot);
    }
    List<String> command = new ArrayList<>(List.of(node(), "-e", launcherScript(), dynaliteDir.toString(), LOOPBACK));
    if (dataDir.isPresent()) {
      OwnerOnlyFolder.ensure(dataDir.get());
      command.add(dataDir.get().toAbsolutePath().toString());
    }
    Process process;
    try {
      process = new ProcessBuilder(withOwnerOnlyUmask(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node (Node.js 20 or newer must be on the PATH): " + e.getMessage(), e);
    }
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Deque<String> output = new ArrayDeque<>();
    Thread reader = new Thread(() -> readOutput(process.getInputStream(), listening, output), "dynalite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      int port = listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      LOG.debug("dynalite (pid {}) listening on 127.0.0.1:{}", process.pid(), port);
      return new Dynalite(process, port, dataDir);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      stopTree(process);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String log;
      synchronized (output) {
        log = String.join("\n", output);
      }
      throw new IllegalStateException("dynalite did not start: " + e + "\n" + log, e);
    }
  }

  public int port() {
    return port;
  }

  public URI endpoint() {
    return URI.create("http://" + LOOPBACK + ":" + port);
  }

  public long pid() {
    return process.pid();
  }

  public Optional<Path> dataDir() {
    return dataDir;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Lets dynalite close its store (stdin end), then makes sure no process of the tree is left. */
  @Override
  public void close() {
    stopTree(process);
  }

  private static void stopTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // already closed: the process is on its way out
    }
    if (!waitFor(process.toHandle(), Duration.ofSeconds(6))) {
      LOG.warn("dynalite (pid {}) did not stop on its own; terminating it", process.pid());
      process.destroy();
      if (!waitFor(process.toHandle(), Duration.ofSeconds(3))) {
        process.destroyForcibly();
        waitFor(process.toHandle(), Duration.ofSeconds(3));
      }
    }
    tree.addAll(process.descendants().toList());
    for (ProcessHandle child : tree) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }

  private static boolean waitFor(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  private static void readOutput(InputStream stream, CompletableFuture<Integer> listening, Deque<String> output) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        Matcher matcher = LISTENING.matcher(line);
        if (!listening.isDone() && matcher.find()) {
          listening.complete(Integer.parseInt(matcher.group(1)));
        } else {
          LOG.debug("dynalite: {}", line);
          synchronized (output) {
            output.addLast(line);
            if (output.size() > OUTPUT_LINES_KEPT) {
              output.removeFirst();
            }
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("dynalite output closed", e);
    }
    listening.completeExceptionally(new IllegalStateException("dynalite exited before it listened"));
  }

  /**
   * LevelDB creates its files with the process's umask (0644 under the usual 022): under 077 they are the
   * owner's only, like {@code jwt.key}. {@code exec} keeps the pid, so the process is still node itself.
   */
  private static List<String> withOwnerOnlyUmask(List<String> command) {
    if (!OwnerOnlyFolder.posix()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", "dynalite"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static String node() {
    String override = System.getenv("CITY_NODE");
    return override == null || override.isBlank() ? "node" : override;
  }

  private static String launcherScript() {
    try (InputStream in = Dynalite.class.getResourceAsStream("dynalite-launcher.js")) {
      if (in == null) {
        throw new IllegalStateException("dynalite-launcher.js missing from the twin's classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
