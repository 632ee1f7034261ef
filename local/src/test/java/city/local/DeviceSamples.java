package city.local;

import city.catalog.TopicRule;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device message as the contract's sample shows it: {@code events/<FunctionId>.json}, the event a topic rule
 * hands its function, read back into the topic, the thing name and the payload a device published.
 */
public record DeviceSamples(String topic, String deviceId, JsonNode payload) {
  private static final Path EVENTS = Path.of("..", "events");
  private static final Pattern FROM = Pattern.compile("FROM '([^']+)'");

  public static DeviceSamples of(TopicRule rule) {
    Path file = EVENTS.resolve(rule.functionId() + ".json");
    try {
      JsonNode event = Json.MAPPER.readTree(Files.readAllBytes(file));
      String payload = new String(Base64.getDecoder().decode(event.path("payload").asText()), StandardCharsets.UTF_8);
      return new DeviceSamples(event.path("topic").asText(), event.path("deviceId").asText(), Json.parse(payload));
    } catch (IOException e) {
      throw new UncheckedIOException("no sample event " + file + " for rule " + rule.name(), e);
    }
  }

  /** The rule's topic filter, e.g. {@code parking/spaces/+/occupancy}. */
  public static String topicFilter(TopicRule rule) {
    Matcher matcher = FROM.matcher(rule.sql());
    if (!matcher.find()) {
      throw new IllegalArgumentException("no FROM in " + rule.sql());
    }
    return matcher.group(1);
  }

  public ObjectNode payloadCopy() {
    return ((ObjectNode) payload).deepCopy();
  }
}
