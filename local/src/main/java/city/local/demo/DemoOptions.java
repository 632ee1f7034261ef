package city.local.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What {@code ./city demo} simulates.
 *
 * @param simMinutes simulated minutes the devices run
 * @param speed simulated seconds per real second
 * @param seed the devices' behaviour is a function of the seed (and of the start)
 * @param cityFile the county; empty for the sample county
 * @param start city-local start of simulated time; empty for 06:30 yesterday: always in the past (the twin's
 *     own clock is real time, and citizens look for sessions up to a year back), and half an hour before the
 *     Beijing day tariff starts at 07:00, so early sessions are billed across the night/day boundary
 */
public record DemoOptions(int simMinutes, double speed, long seed, Optional<Path> cityFile, Optional<LocalDateTime> start,
    boolean help) {

  public static final String USAGE = """
      usage: city demo [--sim-minutes N] [--speed X] [--seed S] [--city FILE] [--start 2026-11-28T06:30]
        --sim-minutes N   simulated minutes (default 240)
        --speed X         simulated seconds per real second (default 240: the default run takes a minute)
        --seed S          the devices' random seed (default 1): same seed, same devices' behaviour
        --city FILE       the county (default local/cities/sample-county.json)
        --start T         city-local start of simulated time (default 06:30 yesterday)""";

  static final int MIN_SIM_MINUTES = 10;
  static final int MAX_SIM_MINUTES = 24 * 60;

  public DemoOptions {
    if (simMinutes < MIN_SIM_MINUTES || simMinutes > MAX_SIM_MINUTES) {
      throw new IllegalArgumentException("--sim-minutes must be from " + MIN_SIM_MINUTES + " to " + MAX_SIM_MINUTES);
    }
    if (!(speed >= 1 && speed <= 10_000)) {
      throw new IllegalArgumentException("--speed must be from 1 to 10000");
    }
  }

  public static DemoOptions defaults() {
    return new DemoOptions(240, 240, 1, Optional.empty(), Optional.empty(), false);
  }

  /** {@code --name value} or {@code --name=value}; {@code --help} alone. */
  public static DemoOptions parse(String[] args) {
    DemoOptions options = defaults();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return options.withHelp();
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      String name;
      String value;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(2, equals);
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        name = arg.substring(2);
        value = args[++i];
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      options = switch (name) {
        case "sim-minutes" -> options.withSimMinutes(whole(name, value));
        case "speed" -> options.withSpeed(number(name, value));
        case "seed" -> options.withSeed(whole(name, value));
        case "city" -> options.withCityFile(Path.of(value));
        case "start" -> options.withStart(localTime(value));
        default -> throw new IllegalArgumentException("unknown option --" + name);
      };
    }
    return options;
  }

  /** How long the simulation takes on the wall clock (the twin's start and the summary come on top). */
  public Duration realDuration() {
    return Duration.ofMillis(Math.round(simMinutes * 60_000 / speed));
  }

  public DemoOptions withSimMinutes(long minutes) {
    return new DemoOptions((int) Math.min(Integer.MAX_VALUE, minutes), speed, seed, cityFile, start, help);
  }

  public DemoOptions withSpeed(double x) {
    return new DemoOptions(simMinutes, x, seed, cityFile, start, help);
  }

  public DemoOptions withSeed(long s) {
    return new DemoOptions(simMinutes, speed, s, cityFile, start, help);
  }

  public DemoOptions withCityFile(Path file) {
    return new DemoOptions(simMinutes, speed, seed, Optional.of(file), start, help);
  }

  public DemoOptions withStart(LocalDateTime localStart) {
    return new DemoOptions(simMinutes, speed, seed, cityFile, Optional.of(localStart), help);
  }

  private DemoOptions withHelp() {
    return new DemoOptions(simMinutes, speed, seed, cityFile, start, true);
  }

  private static long whole(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
    }
  }

  private static double number(String name, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, not " + value);
    }
  }

  private static LocalDateTime localTime(String value) {
    try {
      return LocalDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--start must be a city-local date and time like 2026-11-28T06:30, not " + value);
    }
  }
}
