package city.local.http;

import city.catalog.Access;
import city.catalog.HttpRoute;
import city.local.auth.Jwt;
import city.local.lambda.FunctionPool;
import city.platform.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twin's API Gateway: an HTTP API with the declared routes, a JWT authorizer on CITIZEN and OPS
 * routes, permissive CORS for the citizen app, and synchronous Lambda proxy integration (payload v2.0).
 * Its own answers use API Gateway's bodies: {@code {"message":"Not Found"}}, {@code "Unauthorized"},
 * {@code "Internal Server Error"}.
 */
public final class HttpGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
  private static final String INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";

  private final LoopbackHttpServer server;
  private final RouteTable routes;
  private final FunctionPool functions;
  private final Jwt jwt;

  private HttpGateway(int port, List<HttpRoute> routes, FunctionPool functions, Jwt jwt) {
    this.routes = new RouteTable(routes);
    this.functions = functions;
    this.jwt = jwt;
    this.server = new LoopbackHttpServer(port, 16, "http-api", this::handle);
  }

  public static HttpGateway start(int port, List<HttpRoute> routes, FunctionPool functions, Jwt jwt) {
    HttpGateway gateway = new HttpGateway(port, routes, functions, jwt);
    gateway.server.start();
    return gateway;
  }

  public int port() {
    return server.port();
  }

  /** Whatever happens, the client gets an answer: the JDK server would drop the thread and leave it waiting. */
  private void handle(HttpExchange exchange) {
    try {
      serve(exchange);
    } catch (Throwable e) {
      LOG.error("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      try {
        if (exchange.getResponseCode() == -1) {
          Responses.json(exchange, 500, INTERNAL_ERROR);
        }
      } catch (IOException | RuntimeException alreadyBroken) {
        // the connection is gone: nothing left to tell the client
      } finally {
        exchange.close();
      }
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    Headers response = exchange.getResponseHeaders();
    response.set("Access-Control-Allow-Origin", "*");
    if (exchange.getRequestMethod().equals("OPTIONS")) {
      preflight(exchange);
      return;
    }
    GatewayRequest request = request(exchange);
    Optional<RouteTable.Match> match = routes.match(request.method(), request.rawPath());
    if (match.isEmpty()) {
      Responses.json(exchange, 404, "{\"message\":\"Not Found\"}");
      return;
    }
    HttpRoute route = match.get().route();
    Optional<Map<String, Object>> claims = request.header("authorization").flatMap(this::verify);
    if (route.access() != Access.PUBLIC && claims.isEmpty()) {
      response.set("WWW-Authenticate", "Bearer");
      Responses.json(exchange, 401, "{\"message\":\"Unauthorized\"}");
      return;
    }
    String host = request.header("host").orElse("127.0.0.1:" + port());
    APIGatewayV2HTTPEvent event = HttpApiEvents.build(request, match.get(), claims, host);
    Object result;
    try {
      result = functions.get(route.functionId()).invoke(event);
    } catch (Throwable e) {
      // Lambda reports any throwable as a function error; HTTP API answers 500
      LOG.error("{} failed on {}", route.functionId(), route.routeKey(), e);
      Responses.json(exchange, 500, INTERNAL_ERROR);
      return;
    }
    respond(exchange, result);
  }

  private Optional<Map<String, Object>> verify(String authorization) {
    String token = authorization.trim();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).trim();
    }
    return jwt.verify(token);
  }

  private static void preflight(HttpExchange exchange) throws IOException {
    Headers response = exchange.getResponseHeaders();
    response.set("Access-Control-Allow-Methods", "GET,POST,PUT,PATCH,DELETE,OPTIONS");
    String requested = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
    response.set("Access-Control-Allow-Headers", requested == null ? "authorization,content-type" : requested);
    response.set("Access-Control-Max-Age", "600");
    Responses.send(exchange, 204, new byte[0]);
  }

  private static GatewayRequest request(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    byte[] body = exchange.getRequestBody().readAllBytes();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    return new GatewayRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        rawQuery == null ? "" : rawQuery,
        headers,
        body,
        exchange.getRemoteAddress().getAddress().getHostAddress(),
        exchange.getProtocol(),
        Instant.now());
  }

  /** Payload v2.0 response: a structured response, or anything else as a 200 JSON body (the "inferred" format). */
  private static void respond(HttpExchange exchange, Object result) throws IOException {
    APIGatewayV2HTTPResponse response = structured(result);
    if (response == null) {
      Responses.json(exchange, 200, result == null ? "null" : result instanceof String s ? s : Json.write(result));
      return;
    }
    if (response.getStatusCode() < 100) {
      LOG.error("handler returned status code {}: API Gateway answers 500", response.getStatusCode());
      Responses.json(exchange, 500, INTERNAL_ERROR);
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach(headers::set);
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(cookie -> headers.add("Set-Cookie", cookie));
    }
    String body = response.getBody() == null ? "" : response.getBody();
    byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    Responses.send(exchange, response.getStatusCode(), bytes);
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
