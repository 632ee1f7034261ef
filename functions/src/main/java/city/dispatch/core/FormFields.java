package city.dispatch.core;

import city.platform.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of an Open311 POST: application/x-www-form-urlencoded as the spec says, or a flat JSON object.
 * A repeated field keeps its first value.
 */
public final class FormFields {
  private FormFields() {}

  public static Map<String, String> urlEncoded(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("malformed form body: " + e.getMessage());
      }
    }
    return fields;
  }

  public static Map<String, String> json(JsonNode object) {
    Map<String, String> fields = new LinkedHashMap<>();
    object.properties().forEach(field -> {
      if (field.getValue().isValueNode() && !field.getValue().isNull()) {
        fields.put(field.getKey(), field.getValue().asText());
      }
    });
    return fields;
  }
}
