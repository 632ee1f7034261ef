package city.local.iot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.TopicRule;
import city.local.RepoRoot;
import city.platform.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every topic rule of the catalog, through the twin's rules engine: it parses, it fires on its own topic
 * (directly and through Basic Ingest, with the same output), it does not fire on near-miss topics, and
 * the device columns are what the SQL says.
 */
class CatalogRulesTest {
  private static final long AT = 1_795_914_000_123L;
  private static final Pattern DEVICE_LEVEL = Pattern.compile("topic\\((\\d+)\\)\\s+AS\\s+deviceId", Pattern.CASE_INSENSITIVE);

  private final RuleRouter router = new RuleRouter(Catalog.standard().rules(), Catalog.standard().cloudToDeviceTopics());

  static Stream<TopicRule> rules() {
    return Catalog.standard().rules().stream();
  }

  @Test
  void theCatalogDeclaresRules() {
    assertFalse(Catalog.standard().rules().isEmpty());
  }

  /** A topic the rule's filter matches: '+' becomes a device-like id, '#' two levels. */
  static String topicFor(TopicRule rule) {
    String filter = RuleQuery.parse(rule.sql()).from().filter();
    List<String> levels = new ArrayList<>();
    int n = 0;
    for (String level : filter.split("/", -1)) {
      levels.add(level.equals("+") ? "D" + (++n) : level.equals("#") ? "x/y" : level);
    }
    return String.join("/", levels);
  }

  private static InboundMessage message(String topic, String payload) {
    return new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), "device-client", AT);
  }

  private List<Routing.RuleMatch> matchesOf(Routing routing) {
    return routing instanceof Routing.Matched matched ? matched.matches() : List.of();
  }

  private Optional<Map<String, Object>> eventFor(TopicRule rule, InboundMessage message) {
    return matchesOf(router.route(message)).stream().filter(m -> m.rule().equals(rule)).map(Routing.RuleMatch::event).findFirst();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void firesOnItsTopicWithTheColumnsTheSqlNames(TopicRule rule) {
    String topic = topicFor(rule);
    String payload = "{\"occupied\": true, \"ts\": \"2026-11-28T09:00:00+08:00\", \"seq\": 1}";
    Optional<Map<String, Object>> event = eventFor(rule, message(topic, payload));
    boolean hasWhere = rule.sql().toUpperCase().contains(" WHERE ");
    if (!hasWhere) {
      assertTrue(event.isPresent(), rule.name() + " must fire on " + topic);
    }
    event.ifPresent(columns -> {
      if (columns.containsKey("payload")) {
        assertEquals(Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)), columns.get("payload"));
      }
      if (columns.containsKey("topic")) {
        assertEquals(topic, columns.get("topic"));
      }
      if (columns.containsKey("receivedAt")) {
        assertEquals(AT, ((Number) columns.get("receivedAt")).longValue());
      }
      Matcher level = DEVICE_LEVEL.matcher(rule.sql());
      if (level.find()) {
        assertEquals(topic.split("/")[Integer.parseInt(level.group(1)) - 1], columns.get("deviceId"));
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void doesNotFireOnNearMissTopics(TopicRule rule) {
    String topic = topicFor(rule);
    String payload = "{\"occupied\": true}";
    for (String miss : List.of(topic + "/extra", "other/" + topic, topic.substring(0, topic.lastIndexOf('/')), topic.toUpperCase())) {
      if (!RuleQuery.parse(rule.sql()).from().matches(miss)) {
        assertTrue(eventFor(rule, message(miss, payload)).isEmpty(), rule.name() + " fired on " + miss);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void basicIngestReachesOnlyThatRuleWithTheSameOutput(TopicRule rule) {
    String topic = topicFor(rule);
    String payload = "{\"occupied\": false, \"seq\": 2}";
    Routing direct = router.route(message(topic, payload));
    Routing ingest = router.route(message("$aws/rules/" + rule.name() + "/" + topic, payload));
    List<Routing.RuleMatch> ingested = matchesOf(ingest);
    assertTrue(ingested.stream().allMatch(m -> m.rule().equals(rule)), "Basic Ingest reached another rule");
    assertEquals(eventFor(rule, message(topic, payload)), ingested.stream().map(Routing.RuleMatch::event).findFirst());
    assertInstanceOf(Routing.Matched.class, direct);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void basicIngestOnAForeignTopicIsRefused(TopicRule rule) {
    Routing routing = router.route(message("$aws/rules/" + rule.name() + "/not/" + topicFor(rule), "{}"));
    assertEquals(new Routing.Refused("topic does not match rule " + rule.name()), routing);
  }

  @Test
  void basicIngestToAnUnknownRuleIsRefused() {
    assertEquals(new Routing.Refused("no topic rule named nope"), router.route(message("$aws/rules/nope/parking/spaces/S1/occupancy", "{}")));
  }

  @Test
  void cloudToDeviceAndUnknownTopicsReachNoRule() {
    assertEquals(new Routing.Unrouted(true), router.route(message("units/U1/dispatch", "{}")));
    assertEquals(new Routing.Unrouted(true), router.route(message("parking/enforcement/Z1", "{}")));
    assertEquals(new Routing.Unrouted(false), router.route(message("weather/today", "{}")));
  }

  /** The occupancy rule produces exactly the event the parking handler tests use. */
  @Test
  void occupancyRuleProducesTheSampleEvent() throws IOException {
    Path file = RepoRoot.find().resolve("events").resolve("ParkingOccupancy.json");
    Map<String, Object> expected = Json.MAPPER.readValue(Files.readString(file), new TypeReference<>() {});
    byte[] payload = Base64.getDecoder().decode((String) expected.get("payload"));
    Routing routing = router.route(new InboundMessage((String) expected.get("topic"), payload, "S1", ((Number) expected.get("receivedAt")).longValue()));
    List<Routing.RuleMatch> matches = matchesOf(routing);
    assertEquals(1, matches.size());
    assertEquals("ParkingOccupancy", matches.get(0).rule().functionId());
    assertEquals(expected, Json.MAPPER.convertValue(matches.get(0).event(), new TypeReference<Map<String, Object>>() {}));
  }
}
