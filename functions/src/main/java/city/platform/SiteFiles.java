package city.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web pages and their libraries as a browser asks for them: each URL prefix maps to a folder under one root
 * ({@link #FOLDERS}: the pages in {@code web/}, the libraries in {@code node_modules/}), plus generated files such
 * as {@code /web/config.json}. The root is the checkout in the twin (files served live, re-read when they change)
 * and the layer CDK stages from the same folders in the cloud, so both serve the same bytes the same way.
 *
 * <p>Every answer carries a strong ETag (a digest of the bytes), so a page left open revalidates with a 304 and no
 * body. Pages revalidate on every load; the libraries are kept a week: their paths carry no version (the pages name
 * {@code /web/vendor/leaflet/leaflet.js}), so a year would pin a browser to an old library after a lock upgrade.
 */
public final class SiteFiles {
  /** URL prefix to folder under the root; CDK stages exactly these folders. */
  public static final Map<String, String> FOLDERS = folders();
  public static final String PAGE_CACHE = "no-cache";
  public static final String LIBRARY_CACHE = "public, max-age=604800";
  private static final String NOT_FOUND = "{\"message\":\"Not Found\"}";
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("map", "application/json"),
      Map.entry("png", "image/png"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("ico", "image/x-icon"));

  /** A file as served: its bytes, its type, its validator and how long a browser may keep it. */
  public record Asset(byte[] body, String contentType, String etag, String cacheControl) {}

  /** An HTTP answer: status, headers and body (empty for a redirect, a 304 or a HEAD). */
  public record Answer(int status, Map<String, String> headers, byte[] body) {}

  private record Cached(FileTime modified, long size, Asset asset) {}

  private final Path root;
  private final Map<String, Asset> generated = new LinkedHashMap<>();
  private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

  /** @param generatedJson URL path to the JSON served there ({@code /web/config.json}) */
  public SiteFiles(Path root, Map<String, String> generatedJson) {
    this.root = root.toAbsolutePath().normalize();
    generatedJson.forEach((path, json) -> generated.put(path,
        asset(json.getBytes(StandardCharsets.UTF_8), TYPES.get("json"), PAGE_CACHE)));
  }

  /**
   * The answer to a GET or HEAD of a raw URL path: a page's folder without its slash is redirected to it (so its
   * relative links resolve), a file is served or revalidated, anything else (a path that leaves its folder too) is a
   * 404.
   */
  public Answer answer(String method, String path, Optional<String> ifNoneMatch) {
    if (FOLDERS.containsKey(path + "/")) {
      return new Answer(301, Map.of("Location", path + "/"), new byte[0]);
    }
    Optional<Asset> found = find(path);
    if (found.isEmpty()) {
      return new Answer(404, Map.of("Content-Type", "application/json"), NOT_FOUND.getBytes(StandardCharsets.UTF_8));
    }
    Asset asset = found.get();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", asset.etag());
    headers.put("Cache-Control", asset.cacheControl());
    headers.put("X-Content-Type-Options", "nosniff");
    boolean unchanged = ifNoneMatch.map(values -> Arrays.stream(values.split(",")).map(String::trim)
        .anyMatch(asset.etag()::equals)).orElse(false);
    if (unchanged) {
      return new Answer(304, headers, new byte[0]);
    }
    headers.put("Content-Type", asset.contentType());
    return new Answer(200, headers, method.equals("HEAD") ? new byte[0] : asset.body());
  }

  /** Whether a file of this name is served at all (by its type): what CDK stages into the layer. */
  public static boolean serves(String fileName) {
    return TYPES.containsKey(fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
  }

  /** The asset at a URL path; empty when there is none (or the path tries to leave its folder). */
  public Optional<Asset> find(String path) {
    Asset made = generated.get(path);
    if (made != null) {
      return Optional.of(made);
    }
    for (Map.Entry<String, String> entry : FOLDERS.entrySet()) {
      if (path.startsWith(entry.getKey())) {
        String relative = path.substring(entry.getKey().length());
        String cacheControl = entry.getValue().startsWith("web/") ? PAGE_CACHE : LIBRARY_CACHE;
        return file(root.resolve(entry.getValue()), cacheControl,
            relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative);
      }
    }
    return Optional.empty();
  }

  private Optional<Asset> file(Path folder, String cacheControl, String relative) {
    if (relative.contains("\\") || relative.contains("\0") || relative.startsWith("/")) {
      return Optional.empty();
    }
    Path file = folder.resolve(relative).normalize();
    if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String name = file.getFileName().toString();
    if (!serves(name)) {
      return Optional.empty();
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      Cached cached = cache.get(file);
      if (cached == null || !cached.modified().equals(modified) || cached.size() != size) {
        cached = new Cached(modified, size, asset(Files.readAllBytes(file), type, cacheControl));
        cache.put(file, cached);
      }
      return Optional.of(cached.asset());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Asset asset(byte[] body, String type, String cacheControl) {
    return new Asset(body, type, etag(body), cacheControl);
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Map<String, String> folders() {
    Map<String, String> folders = new LinkedHashMap<>();
    folders.put("/console/", "web/console");
    folders.put("/app/", "web/app");
    folders.put("/web/shared/", "web/shared");
    folders.put("/web/vendor/leaflet/", "node_modules/leaflet/dist");
    folders.put("/web/vendor/chart.js/", "node_modules/chart.js/dist");
    folders.put("/web/vendor/oidc-client-ts/", "node_modules/oidc-client-ts/dist/browser");
    return java.util.Collections.unmodifiableMap(folders);
  }
}
