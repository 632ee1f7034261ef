package city.local.http;

import city.platform.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the HTTP API payload v2.0 event exactly as API Gateway does: lower-case headers with repeats
 * comma-joined and cookies moved to {@code cookies}, query parameters decoded with repeats comma-joined,
 * the raw path and query kept, a body base64-encoded unless its content type is text, and the JWT
 * authorizer's claims flattened to strings (arrays as "[a b]").
 */
public final class HttpApiEvents {
  private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  private HttpApiEvents() {}

  /**
   * @param claims verified token claims, or empty for a request without (valid) token
   * @param host the gateway's host:port, the event's domain name
   */
  public static APIGatewayV2HTTPEvent build(GatewayRequest request, RouteTable.Match match,
      Optional<Map<String, Object>> claims, String host) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    request.headers().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("cookie")) {
        for (String value : values) {
          for (String cookie : value.split(";")) {
            if (!cookie.isBlank()) {
              cookies.add(cookie.trim());
            }
          }
        }
      } else {
        headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
      }
    });
    headers.putIfAbsent("x-forwarded-for", request.sourceIp());
    headers.putIfAbsent("x-forwarded-proto", "http");
    int colon = host.lastIndexOf(':');
    headers.putIfAbsent("x-forwarded-port", colon < 0 ? "80" : host.substring(colon + 1));

    String requestId = Base64.getUrlEncoder().withoutPadding().encodeToString(
        UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)).substring(0, 16);
    RequestContext context = RequestContext.builder()
        .withAccountId("000000000000")
        .withApiId("local")
        .withDomainName(host)
        .withDomainPrefix(host.contains(".") ? host.substring(0, host.indexOf('.')) : host)
        .withHttp(RequestContext.Http.builder()
            .withMethod(request.method())
            .withPath(request.rawPath())
            .withProtocol(request.protocol())
            .withSourceIp(request.sourceIp())
            .withUserAgent(headers.getOrDefault("user-agent", ""))
            .build())
        .withRequestId(requestId)
        .withRouteKey(match.route().routeKey())
        .withStage("$default")
        .withTime(REQUEST_TIME.format(request.receivedAt().atOffset(ZoneOffset.UTC)))
        .withTimeEpoch(request.receivedAt().toEpochMilli())
        .withAuthorizer(claims.map(HttpApiEvents::authorizer).orElse(null))
        .build();

    Optional<String> contentType = request.header("content-type");
    boolean hasBody = request.body() != null && request.body().length > 0;
    boolean text = hasBody && contentType.map(HttpApiEvents::isText).orElse(false);
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(match.route().routeKey())
        .withRawPath(request.rawPath())
        .withRawQueryString(request.rawQuery())
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withHeaders(headers)
        .withQueryStringParameters(query(request.rawQuery()))
        .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
        .withBody(!hasBody ? null : text ? new String(request.body(), StandardCharsets.UTF_8)
            : Base64.getEncoder().encodeToString(request.body()))
        .withIsBase64Encoded(hasBody && !text)
        .withRequestContext(context)
        .build();
  }

  /** Content types API Gateway passes as text; everything else arrives base64-encoded. */
  static boolean isText(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/javascript")
        || type.equals("application/x-www-form-urlencoded");
  }

  static Map<String, String> query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters.isEmpty() ? null : parameters;
  }

  private static RequestContext.Authorizer authorizer(Map<String, Object> claims) {
    Map<String, String> flat = new LinkedHashMap<>();
    claims.forEach((name, value) -> flat.put(name, claimText(value)));
    return RequestContext.Authorizer.builder()
        .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(flat).withScopes(scopes(claims)).build())
        .build();
  }

  /** How the HTTP API JWT authorizer renders a claim: arrays as "[a b]", objects as JSON. */
  static String claimText(Object value) {
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(item -> parts.add(claimText(item)));
      return "[" + String.join(" ", parts) + "]";
    }
    if (value instanceof Map<?, ?>) {
      return Json.write(value);
    }
    return String.valueOf(value);
  }

  private static List<String> scopes(Map<String, Object> claims) {
    if (claims.get("scope") instanceof String scope && !scope.isBlank()) {
      return List.of(scope.trim().split("\\s+"));
    }
    if (claims.get("scp") instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return null;
  }
}
