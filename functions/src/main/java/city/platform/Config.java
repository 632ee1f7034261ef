package city.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from environment variables (set by CDK in the cloud). The local twin runs every function in
 * one JVM and cannot set environment variables: it gives each function's class loader (its own copy of
 * this class) exactly the variables CDK would set ({@link #useEnvironment}); a system property of the same
 * name is the last fallback (tests).
 */
public final class Config {
  private static volatile Map<String, String> functionEnvironment = Map.of();

  private Config() {}

  /** The function's environment, for an execution environment that cannot set process variables. */
  public static void useEnvironment(Map<String, String> variables) {
    functionEnvironment = Map.copyOf(variables);
  }

  public static Optional<String> optional(String name) {
    String value = functionEnvironment.get(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    if (value == null || value.isBlank()) {
      value = System.getProperty(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public static String required(String name) {
    return optional(name).orElseThrow(() -> new IllegalStateException("missing configuration " + name));
  }

  public static String string(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  public static int integer(String name, int fallback) {
    return optional(name).map(Integer::parseInt).orElse(fallback);
  }

  /** Accepts ISO-8601 ("PT90S") or a number with a unit suffix ("90s", "15m", "2h", "30d"). */
  public static Duration duration(String name, Duration fallback) {
    return optional(name).map(Config::parseDuration).orElse(fallback);
  }

  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase();
    if (t.startsWith("p")) {
      return Duration.parse(t.toUpperCase());
    }
    char unit = t.charAt(t.length() - 1);
    String digits = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1);
    long amount = Long.parseLong(digits);
    return switch (unit) {
      case 'd' -> Duration.ofDays(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 's' -> Duration.ofSeconds(amount);
      default -> {
        if (Character.isDigit(unit)) {
          yield Duration.ofSeconds(amount);
        }
        throw new IllegalArgumentException("unknown duration unit in " + text);
      }
    };
  }
}
