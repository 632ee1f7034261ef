package city.local.fuzz;

import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random input for the fuzz test: JSON of every type, wrong types for known fields, huge and unicode
 * strings, numbers at and beyond the edges of long and double, device times from every era. The same seed gives
 * the same values. No value spells a Java exception or package name, so a stack trace in a body is recognisable.
 */
final class FuzzValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Field names of every device and request of the contract, and a few nobody uses. */
  static final List<String> FIELDS = List.of("occupied", "ts", "seq", "spaceId", "plate", "confidence", "category",
      "subCategory", "severity", "lat", "lon", "long", "description", "kind", "status", "incidentId", "action",
      "bikes", "docks", "load", "planId", "completedStops", "amount", "service_code", "address_string", "email",
      "phone", "first_name", "media_url", "device_id", "account_id", "zone", "extra", "");
  private static final List<String> WORDS = List.of("", " ", "S1", "S20", "Z1", "C1", "U1", "F1", "B1", "T1",
      "fire", "medical", "police", "high", "critical", "available", "busy", "offline", "accept", "arrive", "resolve",
      "京A12345", "京B99999,京A12345", "粤B·12345", "🚗🚓🚲", "\u202Eevil", "e\u0301", "\u0000", "\t\n", "null",
      "true", "-1", "17", "1e309", "NaN", "%00", "%2F", "../../etc/passwd", "#", "SPACE#S1", "' OR '1'='1",
      "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "R-0123456789ab", "A-F1-20261128T010000000Z",
      "S1-20261128-1", "open", "closed", "queued", "in_progress", "2026-11-28", "+999999999-12-31");

  private final Random random;

  FuzzValues(Random random) {
    this.random = random;
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** A device time: mostly now-ish (so the message goes deeper), else from any era or no time at all. */
  String deviceTime() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    return switch (below(24)) {
      case 0 -> "9999-12-31T23:59:59+08:00";
      case 1 -> "+999999999-12-31T23:59:59Z";
      case 2 -> "2016-03-01T08:00:00+08:00";
      case 3 -> "1970-01-01T00:00:00Z";
      case 4 -> now.plusHours(25).toString();
      case 5 -> now.minusDays(31).toString();
      case 6 -> "2026-13-45T99:99:99Z";
      case 7 -> now.toLocalDateTime().toString();
      default -> now.minusSeconds(below(7 * 24 * 3600)).toString();
    };
  }

  String text() {
    return below(10) == 0 ? huge() : shortText();
  }

  /** A value for a URL: never longer than an id past DynamoDB's key limit, so the URL stays under 10 KB. */
  String urlText() {
    return switch (below(10)) {
      case 0, 1, 3 -> longId();
      case 2 -> pick(List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "9999-12-31", "0001-01-01"));
      default -> shortText();
    };
  }

  /** Past DynamoDB's 2048-byte partition key and 1024-byte sort key limits. */
  String longId() {
    return pick(List.of("x", "9", "S")).repeat(2049 + below(1000));
  }

  private String shortText() {
    return switch (below(9)) {
      case 0 -> deviceTime();
      case 1 -> unicode(1 + below(40));
      case 2 -> Long.toString(random.nextLong());
      default -> pick(WORDS);
    };
  }

  /** Long enough to break a key (DynamoDB: 2048 bytes of partition key) or a payload limit. */
  String huge() {
    return pick(List.of("x", "京", "🚗", "9")).repeat(1000 + below(4000));
  }

  private String unicode(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int codePoint = switch (below(4)) {
        case 0 -> 0x20 + below(0x5f);
        case 1 -> 0x4e00 + below(0x5000);
        case 2 -> 0x1f300 + below(0x300);
        default -> below(0x2000);
      };
      if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }

  JsonNode number() {
    return switch (below(12)) {
      case 0 -> NODES.numberNode(Long.MAX_VALUE);
      case 1 -> NODES.numberNode(Long.MIN_VALUE);
      case 2 -> NODES.numberNode(9223372036854775806L);
      case 3 -> NODES.numberNode(new BigInteger("18446744073709553366"));
      case 4 -> NODES.numberNode(new BigDecimal("1e400"));
      case 5 -> NODES.numberNode(-1e308);
      case 6 -> NODES.numberNode(0.5);
      case 7 -> NODES.numberNode(-1);
      case 8 -> NODES.numberNode(0);
      case 9 -> NODES.numberNode(random.nextDouble() * 400 - 200);
      default -> NODES.numberNode(below(20_000));
    };
  }

  JsonNode value(int depth) {
    int kind = below(depth > 1 ? 4 : 7);
    return switch (kind) {
      case 0 -> NODES.textNode(text());
      case 1 -> number();
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.nullNode();
      case 4 -> array(depth + 1);
      default -> object(depth + 1);
    };
  }

  private ArrayNode array(int depth) {
    ArrayNode array = NODES.arrayNode();
    for (int i = below(4); i > 0; i--) {
      array.add(value(depth));
    }
    return array;
  }

  ObjectNode object(int depth) {
    ObjectNode object = NODES.objectNode();
    for (int i = below(6); i > 0; i--) {
      object.set(pick(FIELDS), value(depth));
    }
    return object;
  }

  /** Not JSON at all, or JSON that is not an object. */
  byte[] notAnObject() {
    return switch (below(6)) {
      case 0 -> new byte[0];
      case 1 -> {
        byte[] bytes = new byte[1 + below(64)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 2 -> "{\"occupied\": tru".getBytes(StandardCharsets.UTF_8);
      case 3 -> Json.bytes(array(1));
      default -> Json.bytes(value(2));
    };
  }

  /**
   * A device payload: mostly the contract's sample with a few fields changed, dropped or added (so it gets past
   * the first checks), else any object or no object at all.
   */
  byte[] devicePayload(JsonNode sample) {
    int shape = below(10);
    if (shape == 0) {
      return notAnObject();
    }
    if (shape == 1) {
      return Json.bytes(object(1));
    }
    ObjectNode payload = sample.isObject() ? ((ObjectNode) sample).deepCopy() : NODES.objectNode();
    if (payload.has("ts")) {
      payload.put("ts", deviceTime());
    }
    if (shape < 5) {
      return Json.bytes(payload);
    }
    List<String> names = new ArrayList<>();
    payload.fieldNames().forEachRemaining(names::add);
    switch (below(4)) {
      case 0 -> {
        if (!names.isEmpty()) {
          payload.remove(pick(names));
        }
      }
      case 1 -> payload.set(pick(FIELDS), value(1));
      default -> {
        if (!names.isEmpty()) {
          payload.set(pick(names), value(1));
        }
      }
    }
    return Json.bytes(payload);
  }

  /** A request body for a route whose sample body is {@code sample} (may be null). */
  String requestBody(String sample) {
    return switch (below(6)) {
      case 0 -> "";
      case 1 -> new String(notAnObject(), StandardCharsets.UTF_8);
      case 2 -> formBody();
      default -> {
        JsonNode template = sample == null ? object(1) : parseOrEmpty(sample);
        ObjectNode body = template.isObject() ? ((ObjectNode) template).deepCopy() : object(1);
        for (int i = 1 + below(3); i > 0; i--) {
          body.set(pick(FIELDS), value(1));
        }
        yield Json.write(body);
      }
    };
  }

  private String formBody() {
    StringBuilder form = new StringBuilder();
    for (int i = below(6); i > 0; i--) {
      form.append(form.isEmpty() ? "" : "&").append(Percent.encode(pick(FIELDS))).append('=')
          .append(chance(10) ? "%zz" : Percent.encode(shortText()));
    }
    return form.toString();
  }

  private static JsonNode parseOrEmpty(String text) {
    try {
      return Json.parse(text);
    } catch (RuntimeException e) {
      return NODES.objectNode();
    }
  }
}
