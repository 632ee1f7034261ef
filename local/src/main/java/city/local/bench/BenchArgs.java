package city.local.bench;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A benchmark's {@code --name value} options and {@code --flag} switches. Unknown names and missing values
 * are refused with the reason, so a typo never runs a long benchmark with the defaults.
 */
public final class BenchArgs {
  private final Map<String, String> values;
  private final Set<String> flags;

  private BenchArgs(Map<String, String> values, Set<String> flags) {
    this.values = values;
    this.flags = flags;
  }

  /**
   * @param valued option names that take a value (with their dashes: {@code --runs})
   * @param switches option names that stand alone ({@code --json})
   */
  public static BenchArgs parse(String[] args, Set<String> valued, Set<String> switches) {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> flags = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (switches.contains(name)) {
        flags.add(name);
      } else if (valued.contains(name)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new BenchArgs(values, flags);
  }

  /** The option's value as given, or empty when absent. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** A positive whole number, or the default when the option is absent. */
  public long positiveLong(String name, long defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was " + value);
    }
    if (parsed < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
    return parsed;
  }

  public int positiveInt(String name, int defaultValue) {
    return Math.toIntExact(positiveLong(name, defaultValue));
  }

  /** A whole number of any sign (a seed), or the default. */
  public long anyLong(String name, long defaultValue) {
    String value = values.get(name);
    try {
      return value == null ? defaultValue : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was " + value);
    }
  }
}
