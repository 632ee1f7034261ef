package city.local.iot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The IoT SQL subset, on hand-written rules: SELECT columns, FROM filters, WHERE semantics, refusals. */
class RuleQueryTest {
  private static final long AT = 1_795_914_000_123L;

  private static InboundMessage message(String topic, String payload) {
    return new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), "client-1", AT);
  }

  private static Optional<Map<String, Object>> run(String sql, String topic, String payload) {
    return RuleQuery.parse(sql).apply(message(topic, payload), topic);
  }

  private static boolean fires(String where, String payload) {
    return run("SELECT * FROM 'a/+' WHERE " + where, "a/b", payload).isPresent();
  }

  @Test
  void selectsFunctionsLiteralsAndFieldsUnderTheirNames() {
    String payload = "{\"bikes\": 7, \"pos\": {\"lat\": 36.5}}";
    Map<String, Object> out = run("SELECT encode(*, 'base64') AS raw, topic() AS t, topic(2) AS second, timestamp() AS at,"
        + " clientid() AS c, 'v1' AS version, 3 AS three, bikes, pos.lat, bikes AS n FROM 'x/+/y'", "x/D7/y", payload).orElseThrow();
    assertEquals(Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)), out.get("raw"));
    assertEquals("x/D7/y", out.get("t"));
    assertEquals("D7", out.get("second"));
    assertEquals(AT, ((Number) out.get("at")).longValue());
    assertEquals("client-1", out.get("c"));
    assertEquals("v1", out.get("version"));
    assertEquals(3, ((Number) out.get("three")).intValue());
    assertEquals(7, out.get("bikes"));
    assertEquals(36.5, out.get("lat"));
    assertEquals(7, out.get("n"));
  }

  @Test
  void starCopiesThePayloadFieldsAndMixesWithColumns() {
    Map<String, Object> out = run("SELECT *, topic(1) AS kind FROM '#'", "units/U1/status", "{\"status\": \"available\", \"kind\": \"fire\"}")
        .orElseThrow();
    assertEquals("available", out.get("status"));
    assertEquals("units", out.get("kind"), "a later column overrides a payload field of the same name");
  }

  @Test
  void undefinedColumnsAreLeftOut() {
    Map<String, Object> out = run("SELECT missing, topic(9) AS deep, a.b.c AS nested, encode(missing, 'base64') AS e FROM 'a/b'", "a/b",
        "{\"a\": 1}").orElseThrow();
    assertTrue(out.isEmpty(), out.toString());
  }

  @Test
  void encodeOfAnyPayloadEvenNotJson() {
    byte[] binary = {0, (byte) 0xff, 'x'};
    Map<String, Object> out = RuleQuery.parse("SELECT encode(*, 'base64') AS payload, * FROM 'b/#'")
        .apply(new InboundMessage("b/c", binary, null, AT), "b/c").orElseThrow();
    assertEquals(Base64.getEncoder().encodeToString(binary), out.get("payload"));
    assertEquals(1, out.size(), "a non-JSON payload has no fields to copy");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
      "a/+/c, a/b/c, true",
      "a/+/c, a/b/d, false",
      "a/+/c, a/b/c/d, false",
      "a/+/c, a/c, false",
      "a/+, a/, true",
      "a/#, a, true",
      "a/#, a/b/c, true",
      "a/#, b/a, false",
      "#, any/thing, true",
      "#, $aws/things/x, false",
      "+/x, $sys/x, false",
      "a/b, a/b, true",
      "a/b, A/b, false",
      "a/b, a/b/, false",
  })
  void fromFiltersMatchLikeMqtt(String filter, String topic, boolean matches) {
    assertEquals(matches, new TopicFilter(filter).matches(topic));
  }

  static Stream<Arguments> whereCases() {
    return Stream.of(
        Arguments.of("bikes > 5", "{\"bikes\": 7}", true),
        Arguments.of("bikes > 5", "{\"bikes\": 5}", false),
        Arguments.of("bikes >= 5", "{\"bikes\": 5}", true),
        Arguments.of("bikes < 5.5", "{\"bikes\": 5}", true),
        Arguments.of("bikes <= -1", "{\"bikes\": -1}", true),
        Arguments.of("bikes > 5", "{\"bikes\": \"7\"}", true),
        Arguments.of("bikes > 5", "{\"bikes\": \"seven\"}", false),
        Arguments.of("bikes > 5", "{}", false),
        Arguments.of("NOT bikes > 5", "{}", false),
        Arguments.of("bikes = 7", "{\"bikes\": 7.0}", true),
        Arguments.of("bikes <> 7", "{\"bikes\": 8}", true),
        Arguments.of("bikes != 7", "{\"bikes\": 7}", false),
        Arguments.of("bikes = '7'", "{\"bikes\": 7}", false),
        Arguments.of("NOT bikes = '7'", "{\"bikes\": 7}", false),
        Arguments.of("category = 'fire'", "{\"category\": \"fire\"}", true),
        Arguments.of("category = 'fire'", "{\"category\": \"Fire\"}", false),
        Arguments.of("category <> 'fire'", "{\"category\": \"flood\"}", true),
        Arguments.of("occupied = true", "{\"occupied\": true}", true),
        Arguments.of("occupied", "{\"occupied\": true}", true),
        Arguments.of("occupied", "{\"occupied\": \"TRUE\"}", true),
        Arguments.of("NOT occupied", "{\"occupied\": false}", true),
        Arguments.of("occupied AND bikes > 1", "{\"occupied\": true, \"bikes\": 2}", true),
        Arguments.of("occupied AND bikes > 1", "{\"occupied\": true, \"bikes\": 0}", false),
        Arguments.of("occupied OR bikes > 1", "{\"occupied\": false, \"bikes\": 2}", true),
        Arguments.of("occupied OR bikes > 1", "{\"occupied\": false}", false),
        Arguments.of("a = 1 OR b = 1 AND c = 1", "{\"a\": 1, \"b\": 0, \"c\": 0}", true),
        Arguments.of("(a = 1 OR b = 1) AND c = 1", "{\"a\": 1, \"b\": 0, \"c\": 0}", false),
        Arguments.of("NOT a = 1 AND b = 1", "{\"a\": 2, \"b\": 1}", true),
        Arguments.of("NOT (a = 1 AND b = 1)", "{\"a\": 1, \"b\": 2}", true),
        Arguments.of("isUndefined(severity)", "{\"category\": \"fire\"}", true),
        Arguments.of("isUndefined(severity)", "{\"severity\": null}", false),
        Arguments.of("NOT isUndefined(pos.lat)", "{\"pos\": {\"lat\": 1}}", true),
        Arguments.of("pos.lat > 36 AND pos.lon < 120", "{\"pos\": {\"lat\": 36.2, \"lon\": 119.4}}", true),
        Arguments.of("topic(2) = 'b'", "{}", true),
        Arguments.of("topic(2) = 'c'", "{}", false),
        Arguments.of("severity = 'high'", "not json", false),
        Arguments.of("isUndefined(severity)", "not json", true));
  }

  @ParameterizedTest(name = "WHERE {0} on {1} -> {2}")
  @MethodSource("whereCases")
  void whereFollowsTheIotSqlOperatorTables(String where, String payload, boolean fires) {
    assertEquals(fires, fires(where, payload));
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertTrue(run("select topic() as t from 'a/b' where 1 = 1 and not false", "a/b", "{}").isPresent());
  }

  @Test
  void stringLiteralsMayEscapeQuotes() {
    assertEquals("it's", run("SELECT 'it''s' AS s FROM 'a'", "a", "{}").orElseThrow().get("s"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT topic() FROM 'a'",
      "SELECT 'x' FROM 'a'",
      "SELECT upper(name) AS n FROM 'a'",
      "SELECT encode(*, 'hex') AS p FROM 'a'",
      "SELECT isUndefined(*) AS u FROM 'a'",
      "SELECT * FROM a",
      "SELECT * FROM 'a/#/b'",
      "SELECT * FROM 'a/b+'",
      "SELECT * FROM 'a' WHERE",
      "SELECT * FROM 'a' WHERE x = 'open",
      "SELECT * FROM 'a' ORDER BY x",
      "SELECT * FROM 'a' WHERE x + 1 = 2"
  })
  void refusesWhatItCannotEvaluateExactly(String sql) {
    assertThrows(RuleSqlException.class, () -> RuleQuery.parse(sql));
  }

  @Test
  void theTopicArgumentIsTheOneTheRuleSees() {
    RuleQuery query = RuleQuery.parse("SELECT topic() AS t, topic(1) AS first FROM 'p/+'");
    InboundMessage ingest = message("$aws/rules/r/p/q", "{}");
    Map<String, Object> out = query.apply(ingest, "p/q").orElseThrow();
    assertEquals("p/q", out.get("t"));
    assertEquals("p", out.get("first"));
    assertFalse(query.apply(ingest, ingest.topic()).isPresent());
  }
}
