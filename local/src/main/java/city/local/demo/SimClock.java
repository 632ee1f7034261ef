package city.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Simulated time: {@code speed} simulated seconds pass per real second from {@link #begin()}, except while
 * it is held ({@link Pacer}: the twin is behind), so a slow machine runs the same simulated day more slowly
 * instead of running it ahead of the twin. Devices stamp their messages with it, in the city's offset, as
 * their own clocks would.
 */
public final class SimClock {
  private static final DateTimeFormatter CLOCK_FACE = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DEVICE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

  private final Instant start;
  private final ZoneId zone;
  private final double speed;
  private long realStartNanos;
  private boolean running;
  private long heldNanos;
  /** When the current hold began, or -1 when the clock runs. */
  private long heldSince = -1;

  SimClock(Instant start, ZoneId zone, double speed) {
    this.start = start;
    this.zone = zone;
    this.speed = speed;
  }

  synchronized void begin() {
    realStartNanos = System.nanoTime();
    running = true;
  }

  /** Stops simulated time until {@link #resume()}; holding a held clock changes nothing. */
  synchronized void hold() {
    if (heldSince < 0) {
      heldSince = System.nanoTime();
    }
  }

  synchronized void resume() {
    if (heldSince >= 0) {
      heldNanos += System.nanoTime() - heldSince;
      heldSince = -1;
    }
  }

  /** Real time the clock has stood still so far. */
  synchronized Duration held() {
    long now = System.nanoTime();
    return Duration.ofNanos(heldNanos + (heldSince >= 0 ? now - heldSince : 0));
  }

  public Instant start() {
    return start;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Simulated seconds per real second. */
  public double speed() {
    return speed;
  }

  /** The start until {@link #begin()}, then moving {@code speed} times faster than the wall clock while not held. */
  public synchronized Instant now() {
    if (!running) {
      return start;
    }
    long until = heldSince >= 0 ? heldSince : System.nanoTime();
    long realNanos = until - realStartNanos - heldNanos;
    return start.plusNanos((long) (realNanos * speed));
  }

  /** Real time until the simulated instant, zero when it has passed. */
  public Duration realUntil(Instant simulated) {
    long simNanos = Duration.between(now(), simulated).toNanos();
    return simNanos <= 0 ? Duration.ZERO : Duration.ofNanos((long) (simNanos / speed));
  }

  /** A simulated duration on the wall clock. */
  public Duration real(Duration simulated) {
    return Duration.ofNanos((long) (simulated.toNanos() / speed));
  }

  /** A device timestamp: ISO-8601 in the city's offset, to the millisecond. */
  public String deviceTime(Instant at) {
    return DEVICE_TIME.format(at.atZone(zone));
  }

  /** What a clock on the wall in the city shows, e.g. "Sat 07:45". */
  public String clockFace(Instant at) {
    return CLOCK_FACE.format(at.atZone(zone));
  }
}
