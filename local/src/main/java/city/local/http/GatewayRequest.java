package city.local.http;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the gateway received it, before it becomes an HTTP API event.
 *
 * @param headers header name (any case) to its values in arrival order
 * @param rawQuery the query string as sent, without '?', or empty
 */
public record GatewayRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp,
    String protocol,
    Instant receivedAt) {

  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals(name) && !header.getValue().isEmpty()) {
        return Optional.of(String.join(",", header.getValue()));
      }
    }
    return Optional.empty();
  }
}
