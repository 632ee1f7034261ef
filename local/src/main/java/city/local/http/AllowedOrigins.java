package city.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The web origins whose pages may call the twin's HTTP API from a browser: the twin's own
 * ({@code http://127.0.0.1:<port>} and {@code http://localhost:<port>}, where its console is served) and those
 * the city file lists under {@code twin.corsOrigins}. {@code "*"} there allows any origin, as API Gateway's
 * {@code AllowOrigins: *} does; it is not the default, because any page the user opens could then drive the twin.
 */
public final class AllowedOrigins {
  public static final String ANY = "*";
  private final Set<String> origins;

  private AllowedOrigins(Set<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /** @param listed origins as {@code scheme://host[:port]}, or {@link #ANY} */
  public static AllowedOrigins of(int ownPort, List<String> listed) {
    Set<String> origins = new LinkedHashSet<>();
    origins.add("http://127.0.0.1:" + ownPort);
    origins.add("http://localhost:" + ownPort);
    for (String origin : listed) {
      origins.add(origin.equals(ANY) ? ANY : normalized(origin));
    }
    return new AllowedOrigins(origins);
  }

  /** The origins a city file's {@code twin} section lists under {@code corsOrigins} (none when it has none). */
  public static List<String> listedIn(JsonNode twinSection) {
    JsonNode listed = twinSection.path("corsOrigins");
    if (listed.isMissingNode() || listed.isNull()) {
      return List.of();
    }
    if (!listed.isArray()) {
      throw new IllegalArgumentException("twin.corsOrigins must be a list of origins, e.g. [\"http://localhost:5173\"]");
    }
    List<String> origins = new ArrayList<>();
    for (JsonNode origin : listed) {
      if (!origin.isTextual()) {
        throw new IllegalArgumentException("twin.corsOrigins holds " + origin + ": each origin is a string");
      }
      origins.add(origin.asText());
    }
    return List.copyOf(origins);
  }

  public boolean allows(String origin) {
    return origins.contains(ANY) || origins.contains(origin.toLowerCase(Locale.ROOT));
  }

  /** An origin as browsers send it: lower-case scheme and host, an explicit port only where it is not the default. */
  static String normalized(String origin) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an origin: " + origin + " (use scheme://host[:port])");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
        && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
      throw new IllegalArgumentException("not an origin: " + origin + " (use scheme://host[:port], no path)");
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
