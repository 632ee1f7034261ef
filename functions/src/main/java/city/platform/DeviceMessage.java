package city.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A device message that passed the checks every message gets: known device of the right class, size,
 * JSON object. Field readers throw {@link InvalidInput} naming the field, which dead-letters the message;
 * a device time is also held to the city's {@link DeviceTimeLimits} around the message's arrival.
 */
public record DeviceMessage(String topic, String deviceId, Instant receivedAt, JsonNode body,
    DeviceTimeLimits timeLimits) {

  public String text(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) {
      throw new InvalidInput("field " + field + " must be a non-empty string");
    }
    return node.asText();
  }

  /** A reference to something stored (an incident, a plan): a non-empty string within {@link InputBounds#id}. */
  public String id(String field) {
    return InputBounds.id("field " + field, text(field));
  }

  public boolean bool(String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isBoolean()) {
      throw new InvalidInput("field " + field + " must be true or false");
    }
    return node.booleanValue();
  }

  public long integer(String field, long min, long max) {
    JsonNode node = body.get(field);
    if (node == null || !node.isIntegralNumber()) {
      throw new InvalidInput("field " + field + " must be an integer");
    }
    if (!node.canConvertToLong()) {
      // longValue() would wrap 18446744073709553366 round to 1750
      throw new InvalidInput("field " + field + " must be between " + min + " and " + max);
    }
    long value = node.longValue();
    if (value < min || value > max) {
      throw new InvalidInput("field " + field + " must be between " + min + " and " + max);
    }
    return value;
  }

  public double number(String field, double min, double max) {
    JsonNode node = body.get(field);
    if (node == null || !node.isNumber()) {
      throw new InvalidInput("field " + field + " must be a number");
    }
    double value = node.doubleValue();
    if (!(value >= min && value <= max)) {
      throw new InvalidInput("field " + field + " must be between " + min + " and " + max);
    }
    return value;
  }

  public boolean has(String field) {
    JsonNode node = body.get(field);
    return node != null && !node.isNull();
  }

  /**
   * Device time: ISO-8601 with an offset, so a bill never depends on which server read it, and within the
   * city's limits around the arrival time, so a reset clock never bills years.
   */
  public OffsetDateTime timestamp(String field) {
    String text = text(field);
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInput("field " + field + " must be ISO-8601 with offset, e.g. 2026-11-28T09:00:00+08:00");
    }
    timeLimits.check(field, time, receivedAt);
    return time;
  }
}
