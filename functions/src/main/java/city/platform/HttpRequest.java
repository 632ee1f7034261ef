package city.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An HTTP API request reduced to what routes need. Header names are lower case. */
public record HttpRequest(
    String routeKey,
    String path,
    Map<String, String> pathParameters,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    Optional<Caller> caller,
    String requestId) {

  /** A path segment is always an id: at most {@link InputBounds#MAX_ID_LENGTH} characters, no control characters. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null || value.isBlank()) {
      throw new InvalidInput("missing path parameter " + name);
    }
    return InputBounds.id(name, value);
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank())
        .map(v -> InputBounds.text(name, v, InputBounds.MAX_QUERY_LENGTH));
  }

  /** A comma-separated list of ids ("a,b"); blank items are dropped; at most {@link InputBounds#MAX_LIST_ITEMS}. */
  public List<String> idList(String name) {
    List<String> ids = query(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
    if (ids.size() > InputBounds.MAX_LIST_ITEMS) {
      throw new InvalidInput(name + " lists at most " + InputBounds.MAX_LIST_ITEMS + " ids, not " + ids.size());
    }
    ids.forEach(id -> InputBounds.id(name, id));
    return ids;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase())).filter(v -> !v.isBlank());
  }

  public JsonNode jsonBody() {
    if (body == null || body.isBlank()) {
      throw new InvalidInput("request body is empty");
    }
    JsonNode node = Json.parse(body);
    if (!node.isObject()) {
      throw new InvalidInput("request body must be a JSON object");
    }
    return node;
  }

  /** The authenticated caller; routes that serve personal data call this first. */
  public Caller requireCaller() {
    return caller.orElseThrow(() -> HttpError.unauthorized("a bearer token is required"));
  }
}
