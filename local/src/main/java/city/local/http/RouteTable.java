package city.local.http;

import city.catalog.HttpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API route selection: {@code {name}} matches one path segment, {@code {name+}} the rest of the path;
 * when several routes match, the most specific wins (literal before parameter before greedy, segment by
 * segment), and an exact method before {@code ANY}. A path with a trailing slash selects the route without it
 * ({@code /console/} the route {@code /console}); the function still gets the path as sent.
 */
public final class RouteTable {
  private final List<Template> templates;

  public record Match(HttpRoute route, Map<String, String> pathParameters) {}

  private record Template(HttpRoute route, List<String> segments) {
    /** 0 literal, 1 parameter, 2 greedy: lower is more specific. */
    int kind(int i) {
      String segment = segments.get(i);
      if (segment.startsWith("{") && segment.endsWith("+}")) {
        return 2;
      }
      return segment.startsWith("{") && segment.endsWith("}") ? 1 : 0;
    }
  }

  public RouteTable(List<HttpRoute> routes) {
    this.templates = routes.stream().map(r -> new Template(r, segments(r.path()))).toList();
  }

  /** @param rawPath the request path as sent; segments are percent-decoded after splitting, so %2F stays inside one */
  public Optional<Match> match(String method, String rawPath) {
    List<String> actual = segments(rawPath).stream().map(PercentDecoding::decode).toList();
    List<Template> candidates = new ArrayList<>();
    for (Template template : templates) {
      String routeMethod = template.route().method();
      if ((routeMethod.equalsIgnoreCase(method) || routeMethod.equals("ANY")) && parameters(template, actual) != null) {
        candidates.add(template);
      }
    }
    return candidates.stream()
        .min(RouteTable::bySpecificity)
        .map(t -> new Match(t.route(), parameters(t, actual)));
  }

  private static int bySpecificity(Template a, Template b) {
    int shared = Math.min(a.segments().size(), b.segments().size());
    for (int i = 0; i < shared; i++) {
      int order = Integer.compare(a.kind(i), b.kind(i));
      if (order != 0) {
        return order;
      }
    }
    int bySize = Integer.compare(b.segments().size(), a.segments().size());
    if (bySize != 0) {
      return bySize;
    }
    return Comparator.comparing((Template t) -> t.route().method().equals("ANY")).compare(a, b);
  }

  private static Map<String, String> parameters(Template template, List<String> actual) {
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> wanted = template.segments();
    for (int i = 0; i < wanted.size(); i++) {
      int kind = template.kind(i);
      String segment = wanted.get(i);
      if (kind == 2) {
        if (i >= actual.size()) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 2), String.join("/", actual.subList(i, actual.size())));
        return parameters;
      }
      if (i >= actual.size()) {
        return null;
      }
      if (kind == 1) {
        if (actual.get(i).isEmpty()) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 1), actual.get(i));
      } else if (!segment.equals(actual.get(i))) {
        return null;
      }
    }
    return wanted.size() == actual.size() ? parameters : null;
  }

  /** A trailing slash selects the route without it, as in HTTP API (whose route paths cannot end in one). */
  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }
}
