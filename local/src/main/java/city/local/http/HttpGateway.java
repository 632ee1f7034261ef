package city.local.http;

import city.catalog.Access;
import city.catalog.HttpRoute;
import city.local.auth.TokenVerifier;
import city.local.lambda.FunctionPool;
import city.platform.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twin's API Gateway: an HTTP API with the declared routes, a JWT authorizer on CITIZEN and OPS routes,
 * CORS for the {@link AllowedOrigins}, and synchronous Lambda proxy integration (payload v2.0). A request is
 * routed and authorized before its body is read, and the body is read without holding a thread. Its own answers
 * use API Gateway's bodies: {@code {"message":"Not Found"}}, {@code "Unauthorized"}, {@code "Internal Server Error"}.
 *
 * <p>A request whose {@code Origin} is not allowed is refused with 403, not only left without CORS headers:
 * a form POST from any page is sent without a preflight, and the twin's public routes would otherwise take it.
 */
public final class HttpGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
  private static final String INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";
  private static final String FORBIDDEN_ORIGIN = "{\"message\":\"Forbidden: this origin may not call the twin\"}";

  private final LoopbackHttpServer server;
  private final RouteTable routes;
  private final FunctionPool functions;
  private final TokenVerifier tokens;
  private final AllowedOrigins origins;

  private HttpGateway(int port, HttpLimits limits, List<String> corsOrigins, List<HttpRoute> routes,
      FunctionPool functions, TokenVerifier tokens) {
    this.routes = new RouteTable(routes);
    this.functions = functions;
    this.tokens = tokens;
    this.server = new LoopbackHttpServer(port, limits, "http-api", this::handle);
    this.origins = AllowedOrigins.of(server.port(), corsOrigins);
  }

  /**
   * @param corsOrigins origins allowed besides the twin's own (see {@link AllowedOrigins})
   * @param tokens the issuers whose tokens the JWT authorizer trusts (the twin's own key, an OIDC provider)
   */
  public static HttpGateway start(int port, HttpLimits limits, List<String> corsOrigins, List<HttpRoute> routes,
      FunctionPool functions, TokenVerifier tokens) {
    HttpGateway gateway = new HttpGateway(port, limits, corsOrigins, routes, functions, tokens);
    gateway.server.start();
    return gateway;
  }

  public int port() {
    return server.port();
  }

  /** Whatever happens, the client gets an answer. */
  private boolean handle(Request request, Response response, Callback callback) {
    try {
      serve(request, response, callback);
    } catch (Throwable e) {
      fail(request, response, callback, e);
    }
    return true;
  }

  private void serve(Request request, Response response, Callback callback) {
    Instant receivedAt = Instant.now();
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null) {
      if (!origins.allows(origin)) {
        Responses.json(request, response, callback, 403, FORBIDDEN_ORIGIN);
        return;
      }
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      response.getHeaders().add(HttpHeader.VARY, "Origin");
    }
    if (request.getMethod().equals("OPTIONS")) {
      preflight(request, response, callback);
      return;
    }
    String rawPath = request.getHttpURI().getPath();
    Optional<RouteTable.Match> match = routes.match(request.getMethod(), rawPath);
    if (match.isEmpty()) {
      Responses.json(request, response, callback, 404, "{\"message\":\"Not Found\"}");
      return;
    }
    HttpRoute route = match.get().route();
    Optional<Map<String, Object>> claims = Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION))
        .flatMap(this::verify);
    if (route.access() != Access.PUBLIC && claims.isEmpty()) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
      Responses.json(request, response, callback, 401, "{\"message\":\"Unauthorized\"}");
      return;
    }
    Content.Source.asByteBuffer(request, Promise.from(
        body -> invoke(request, response, callback, match.get(), claims, body, receivedAt),
        // over the body limit (413), or the client stopped sending: Jetty answers if it still can
        callback::failed));
  }

  private void invoke(Request request, Response response, Callback callback, RouteTable.Match match,
      Optional<Map<String, Object>> claims, ByteBuffer body, Instant receivedAt) {
    try {
      GatewayRequest gatewayRequest = gatewayRequest(request, body, receivedAt);
      String host = gatewayRequest.header("host").orElse(LoopbackHttpServer.LOOPBACK + ":" + port());
      APIGatewayV2HTTPEvent event = HttpApiEvents.build(gatewayRequest, match, claims, host);
      Object result;
      try {
        result = functions.get(match.route().functionId()).invoke(event);
      } catch (Throwable e) {
        // Lambda reports any throwable as a function error; HTTP API answers 500
        LOG.error("{} failed on {}", match.route().functionId(), match.route().routeKey(), e);
        Responses.json(request, response, callback, 500, INTERNAL_ERROR);
        return;
      }
      respond(request, response, callback, result);
    } catch (Throwable e) {
      fail(request, response, callback, e);
    }
  }

  private void fail(Request request, Response response, Callback callback, Throwable e) {
    LOG.error("HTTP {} {} failed", request.getMethod(), request.getHttpURI().getPathQuery(), e);
    if (response.isCommitted()) {
      callback.failed(e);
    } else {
      Responses.json(request, response, callback, 500, INTERNAL_ERROR);
    }
  }

  private Optional<Map<String, Object>> verify(String authorization) {
    String token = authorization.trim();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).trim();
    }
    return tokens.verify(token);
  }

  private static void preflight(Request request, Response response, Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST,PUT,PATCH,DELETE,OPTIONS");
    String requested = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
    headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, requested == null ? "authorization,content-type" : requested);
    headers.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
    Responses.send(request, response, callback, 204, new byte[0]);
  }

  private static GatewayRequest gatewayRequest(Request request, ByteBuffer body, Instant receivedAt) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
    }
    byte[] bytes = new byte[body.remaining()];
    body.get(bytes);
    String rawQuery = request.getHttpURI().getQuery();
    return new GatewayRequest(
        request.getMethod(),
        request.getHttpURI().getPath(),
        rawQuery == null ? "" : rawQuery,
        headers,
        bytes,
        Request.getRemoteAddr(request),
        request.getConnectionMetaData().getProtocol(),
        receivedAt);
  }

  /** Payload v2.0 response: a structured response, or anything else as a 200 JSON body (the "inferred" format). */
  private static void respond(Request request, Response response, Callback callback, Object result) {
    APIGatewayV2HTTPResponse structured = structured(result);
    if (structured == null) {
      Responses.json(request, response, callback, 200,
          result == null ? "null" : result instanceof String s ? s : Json.write(result));
      return;
    }
    if (structured.getStatusCode() < 100) {
      LOG.error("handler returned status code {}: API Gateway answers 500", structured.getStatusCode());
      Responses.json(request, response, callback, 500, INTERNAL_ERROR);
      return;
    }
    HttpFields.Mutable headers = response.getHeaders();
    if (structured.getHeaders() != null) {
      structured.getHeaders().forEach((name, value) -> {
        if (!framing(name)) {
          headers.put(name, value);
        }
      });
    }
    if (structured.getMultiValueHeaders() != null) {
      structured.getMultiValueHeaders().forEach((name, values) -> {
        if (!framing(name)) {
          values.forEach(value -> headers.add(name, value));
        }
      });
    }
    if (structured.getCookies() != null) {
      structured.getCookies().forEach(cookie -> headers.add(HttpHeader.SET_COOKIE, cookie));
    }
    String body = structured.getBody() == null ? "" : structured.getBody();
    byte[] bytes = structured.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    Responses.send(request, response, callback, structured.getStatusCode(), bytes);
  }

  /** How the body is framed is the gateway's business, as in API Gateway: a function's own value is dropped. */
  private static boolean framing(String header) {
    return header.equalsIgnoreCase("content-length") || header.equalsIgnoreCase("transfer-encoding");
  }

  private static APIGatewayV2HTTPResponse structured(Object result) {
    if (result instanceof APIGatewayV2HTTPResponse response) {
      return response;
    }
    if (result instanceof Map<?, ?> map && map.containsKey("statusCode")) {
      return Json.MAPPER.convertValue(map, APIGatewayV2HTTPResponse.class);
    }
    return null;
  }

  @Override
  public void close() {
    server.stop();
  }
}
