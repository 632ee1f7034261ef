package city.local.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web pages the twin serves beside the API: each URL prefix maps to a folder of the checkout (the pages in
 * {@code web/}, the libraries in {@code node_modules/}), plus generated files such as each page's
 * {@code config.json}. Every answer carries a strong ETag (a digest of the bytes), so a page left open revalidates
 * with a 304 and no body; pages revalidate on every load, the libraries are cached for a day.
 */
public final class StaticAssets {
  /** A file as served: its bytes, its type, its validator and how long a browser may keep it. */
  public record Asset(byte[] body, String contentType, String etag, String cacheControl) {}

  private static final String PAGE_CACHE = "no-cache";
  private static final String LIBRARY_CACHE = "public, max-age=86400";
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

  private record Folder(Path root, String cacheControl) {}

  private record Cached(FileTime modified, long size, Asset asset) {}

  private final Map<String, Folder> folders = new LinkedHashMap<>();
  private final Map<String, Asset> generated = new ConcurrentHashMap<>();
  private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

  private StaticAssets() {}

  /** The console and the citizen app from {@code web/}, Leaflet, Chart.js and oidc-client-ts from {@code node_modules/}. */
  public static StaticAssets fromCheckout(Path root, Map<String, String> generatedJson) {
    StaticAssets assets = new StaticAssets();
    assets.folders.put("/console/", new Folder(root.resolve("web").resolve("console"), PAGE_CACHE));
    assets.folders.put("/app/", new Folder(root.resolve("web").resolve("app"), PAGE_CACHE));
    assets.folders.put("/web/shared/", new Folder(root.resolve("web").resolve("shared"), PAGE_CACHE));
    assets.folders.put("/web/vendor/leaflet/", new Folder(root.resolve("node_modules/leaflet/dist"), LIBRARY_CACHE));
    assets.folders.put("/web/vendor/chart.js/", new Folder(root.resolve("node_modules/chart.js/dist"), LIBRARY_CACHE));
    assets.folders.put("/web/vendor/oidc-client-ts/", new Folder(root.resolve("node_modules/oidc-client-ts/dist/browser"), LIBRARY_CACHE));
    generatedJson.forEach((path, json) -> assets.generated.put(path,
        asset(json.getBytes(StandardCharsets.UTF_8), TYPES.get("json"), PAGE_CACHE)));
    return assets;
  }

  /** Whether a path is the assets' to answer (a page's folder without its slash included, to redirect it). */
  public boolean owns(String path) {
    return generated.containsKey(path) || folders.keySet().stream()
        .anyMatch(prefix -> path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1)));
  }

  /** The folder of a page asked for without its slash, so that its relative links resolve. */
  public Optional<String> redirect(String path) {
    return folders.containsKey(path + "/") ? Optional.of(path + "/") : Optional.empty();
  }

  /** The asset at a decoded URL path; empty when there is none (or the path tries to leave its folder). */
  public Optional<Asset> find(String path) {
    Asset made = generated.get(path);
    if (made != null) {
      return Optional.of(made);
    }
    for (Map.Entry<String, Folder> entry : folders.entrySet()) {
      if (path.startsWith(entry.getKey())) {
        String relative = path.substring(entry.getKey().length());
        return file(entry.getValue(), relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative);
      }
    }
    return Optional.empty();
  }

  private Optional<Asset> file(Folder folder, String relative) {
    if (relative.contains("\\") || relative.contains("\0")) {
      return Optional.empty();
    }
    Path root = folder.root().toAbsolutePath().normalize();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String name = file.getFileName().toString();
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      return Optional.empty();
    }
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      Cached cached = cache.get(file);
      if (cached == null || !cached.modified().equals(modified) || cached.size() != size) {
        cached = new Cached(modified, size, asset(Files.readAllBytes(file), type, folder.cacheControl()));
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
}
