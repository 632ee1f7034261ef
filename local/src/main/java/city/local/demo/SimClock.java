package city.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Simulated time: {@code speed} simulated seconds pass per real second from {@link #begin()}. Devices stamp
 * their messages with it, in the city's offset, as their own clocks would.
 */
final class SimClock {
  private static final DateTimeFormatter CLOCK_FACE = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DEVICE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

  private final Instant start;
  private final ZoneId zone;
  private final double speed;
  private volatile long realStartNanos;
  private volatile boolean running;

  SimClock(Instant start, ZoneId zone, double speed) {
    this.start = start;
    this.zone = zone;
    this.speed = speed;
  }

  void begin() {
    realStartNanos = System.nanoTime();
    running = true;
  }

  Instant start() {
    return start;
  }

  ZoneId zone() {
    return zone;
  }

  /** The start until {@link #begin()}, then moving {@code speed} times faster than the wall clock. */
  Instant now() {
    if (!running) {
      return start;
    }
    long realNanos = System.nanoTime() - realStartNanos;
    return start.plusNanos((long) (realNanos * speed));
  }

  /** Real time until the simulated instant, zero when it has passed. */
  Duration realUntil(Instant simulated) {
    long simNanos = Duration.between(now(), simulated).toNanos();
    return simNanos <= 0 ? Duration.ZERO : Duration.ofNanos((long) (simNanos / speed));
  }

  /** A simulated duration on the wall clock. */
  Duration real(Duration simulated) {
    return Duration.ofNanos((long) (simulated.toNanos() / speed));
  }

  /** A device timestamp: ISO-8601 in the city's offset, to the millisecond. */
  String deviceTime(Instant at) {
    return DEVICE_TIME.format(at.atZone(zone));
  }

  /** What a clock on the wall in the city shows, e.g. "Sat 07:45". */
  String clockFace(Instant at) {
    return CLOCK_FACE.format(at.atZone(zone));
  }
}
