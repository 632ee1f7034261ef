package city.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP adapter: HTTP API payload v2.0 in, response out, and the one error mapping. Domain
 * handlers only list their endpoints. Errors become 400 (invalid input, with the reason), 401/403/404/409
 * (with the reason) or 500 (with a request id and nothing else; the stack trace goes to the log).
 */
public abstract class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiHandler.class);

  private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

  protected HttpApiHandler(List<Endpoint> endpoints) {
    for (Endpoint endpoint : endpoints) {
      if (this.endpoints.put(endpoint.routeKey(), endpoint) != null) {
        throw new IllegalArgumentException("route declared twice: " + endpoint.routeKey());
      }
    }
  }

  /** The route keys this handler serves; the catalog test checks them against the trigger declaration. */
  public List<String> routeKeys() {
    return List.copyOf(endpoints.keySet());
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String requestId = requestId(event, context);
    try {
      Endpoint endpoint = endpoints.get(event.getRouteKey());
      if (endpoint == null) {
        throw HttpError.notFound("no route " + event.getRouteKey());
      }
      HttpRequest request = extract(event, requestId);
      if (endpoint.requiresOps()) {
        Caller caller = request.requireCaller();
        if (!caller.isOps()) {
          throw HttpError.forbidden("the ops role is required");
        }
      }
      return toEvent(endpoint.route().handle(request));
    } catch (InvalidInput e) {
      return toEvent(error(400, e.getMessage(), requestId));
    } catch (HttpError e) {
      return toEvent(error(e.status(), e.getMessage(), requestId));
    } catch (RuntimeException e) {
      LOG.error("request {} {} failed", requestId, event.getRouteKey(), e);
      return toEvent(error(500, "internal error", requestId));
    }
  }

  /** Turns the trigger into the domain-neutral request; pure, so tests can feed it the events/ files. */
  public static HttpRequest extract(APIGatewayV2HTTPEvent event, String requestId) {
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    }
    return new HttpRequest(
        event.getRouteKey(),
        event.getRawPath(),
        event.getPathParameters() == null ? Map.of() : Map.copyOf(event.getPathParameters()),
        event.getQueryStringParameters() == null ? Map.of() : Map.copyOf(event.getQueryStringParameters()),
        Map.copyOf(headers),
        body,
        caller(event),
        requestId);
  }

  private static Optional<Caller> caller(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
      return Optional.empty();
    }
    Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
    if (claims == null || !claims.containsKey("sub")) {
      return Optional.empty();
    }
    return Optional.of(new Caller(claims.get("sub"), claims.getOrDefault("role", "citizen"), ClaimValues.parse("plates", claims.get("plates"))));
  }

  private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
    if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
      return event.getRequestContext().getRequestId();
    }
    return context == null ? "local" : context.getAwsRequestId();
  }

  private static HttpResponse error(int status, String reason, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", reason);
    body.put("status", status);
    body.put("requestId", requestId);
    return HttpResponse.of(status, body);
  }

  private static APIGatewayV2HTTPResponse toEvent(HttpResponse response) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (response.body() instanceof byte[] bytes) {
      // a file as it is (an image too): HTTP API decodes the body before it answers
      headers.put("Content-Type", "application/octet-stream");
      headers.putAll(response.headers());
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(response.status())
          .withHeaders(headers)
          .withBody(Base64.getEncoder().encodeToString(bytes))
          .withIsBase64Encoded(true)
          .build();
    }
    String body;
    if (response.body() instanceof String text) {
      body = text;
      headers.put("Content-Type", "text/plain; charset=utf-8");
    } else {
      body = response.body() == null ? "" : Json.write(response.body());
      headers.put("Content-Type", "application/json; charset=utf-8");
    }
    headers.putAll(response.headers());
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }
}
