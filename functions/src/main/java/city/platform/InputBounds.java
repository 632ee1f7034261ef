package city.platform;

import java.time.Instant;

/**
 * The bounds every HTTP input is held to before a route uses it, so that no id, text or time can reach a store
 * or a date calculation it would break (an id over DynamoDB's key size, a date of year 999999999): beyond them
 * the caller gets 400 with the reason. {@link HttpRequest}'s readers apply them.
 */
public final class InputBounds {
  /** IoT Core's limit for a thing name; every id of this system (space, session, incident, zone) is shorter. */
  public static final int MAX_ID_LENGTH = 128;
  /** A query value; the longest legitimate one is a list of ids. */
  public static final int MAX_QUERY_LENGTH = 16_384;
  /** Items of a comma-separated list: one DynamoDB BatchGetItem. */
  public static final int MAX_LIST_ITEMS = 100;
  /** Times asked for lie in this century: anything else is a typo or an attack, and breaks date arithmetic. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private InputBounds() {}

  public static String id(String name, String value) {
    if (value.length() > MAX_ID_LENGTH) {
      throw new InvalidInput(name + " must be at most " + MAX_ID_LENGTH + " characters, not " + value.length());
    }
    return printable(name, value);
  }

  public static String text(String name, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new InvalidInput(name + " must be at most " + maxLength + " characters, not " + value.length());
    }
    return printable(name, value);
  }

  public static Instant instant(String name, Instant value) {
    if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
      throw new InvalidInput(name + " must lie from " + EARLIEST + " to before " + LATEST);
    }
    return value;
  }

  private static String printable(String name, String value) {
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInput(name + " must not contain control characters");
    }
    return value;
  }
}
