package city.local.demo.parking;

import city.local.demo.DeviceLink;
import city.local.demo.EventLoop;
import city.local.demo.SimClock;
import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The county's geomagnetic sensors and plate cameras. Every space alternates between free and occupied;
 * most occupations are cars (a plate read by the zone's camera shortly after, sometimes two reads, sometimes
 * none), a few are sensor flaps shorter than a minute. Each sensor counts its messages with {@code seq}. A
 * few readings are held back and sent after the sensor's next one, as a network may reorder them; two
 * messages are malformed on purpose and must end as dead letters.
 *
 * <p>For the city bus: drivers leave before their zone's maximum stay, but one: the first space of a zone with a
 * maximum stay gets a car at the start that stays an hour past it (rule 3, an overstay); and the last space's
 * sensor falls silent from a fifth of the run to 85 % of it (rule 4). Every other sensor repeats its state once it has been quiet for half its heartbeat: the twin's
 * health check compares arrival times on the wall clock, so these keep-alives follow the wall clock too (and go on
 * while the simulated clock waits for the twin, and until the summary is read).
 */
public final class ParkingSimulation {
  static final String SENSORS = "parking-sensors";
  static final String CAMERAS = "plate-cameras";
  /** The keep-alives go on their own connection, so that their wall-clock timing leaves the seeded repeats alone. */
  static final String KEEP_ALIVES = "parking-sensor-keepalives";
  /** A space id no city file has: its message must be refused as from an unknown device. */
  public static final String UNKNOWN_SPACE = "S404";
  public static final int MALFORMED_MESSAGES = 2;

  private static final double INITIALLY_OCCUPIED = 0.45;
  private static final double FLAP_SHARE = 0.07;
  private static final double HELD_BACK_SHARE = 0.04;
  private static final double NO_READ_SHARE = 0.08;
  private static final double SECOND_READ_SHARE = 0.15;
  private static final int SPARE_CARS = 4;
  private static final Duration OVERSTAY_BY = Duration.ofMinutes(60);
  /** Drivers leave this long before their limit: a twin handling their departure late must not see an overstay. */
  private static final Duration LEAVES_BEFORE_LIMIT = Duration.ofMinutes(20);
  private static final double SILENT_FROM = 0.20;
  private static final double SILENT_UNTIL = 0.85;

  /** The sensor's message (device contract). */
  record Occupancy(boolean occupied, String ts, long seq) {}

  /** The camera's message (device contract). */
  record PlateRead(String spaceId, String plate, String ts, double confidence) {}

  private static final class Space {
    final String spaceId;
    final String cameraId;
    long seq;
    boolean occupied;
    String plate;
    Occupancy heldBack;
    boolean broken;
    long lastSentNanos;
    /** The zone's maximum stay, or null. */
    final Duration maxStay;

    Space(String spaceId, String cameraId, Duration maxStay) {
      this.spaceId = spaceId;
      this.cameraId = cameraId;
      this.maxStay = maxStay;
    }
  }

  private final SimClock clock;
  private final DeviceLink devices;
  private final EventLoop loop;
  private final Random random;
  private final List<Space> spaces = new ArrayList<>();
  private final PlatePool cars;
  private final Set<String> departed = new LinkedHashSet<>();
  private final AtomicInteger occupied = new AtomicInteger();
  private final AtomicInteger arrivals = new AtomicInteger();
  private final AtomicInteger flaps = new AtomicInteger();
  private final AtomicInteger heldBack = new AtomicInteger();
  private final AtomicInteger plateReads = new AtomicInteger();
  private final AtomicInteger keepAlives = new AtomicInteger();
  private final Optional<Overstay> overstay;
  private final Optional<String> silentSensor;
  private final Duration keepAliveAfter;
  private final ScheduledExecutorService keepAliveTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "demo-sensor-keepalive");
    thread.setDaemon(true);
    return thread;
  });
  private Instant end;
  private volatile boolean timelineEnded;
  private final AtomicBoolean keepAliveQueued = new AtomicBoolean();

  /** The car that stays past its zone's maximum stay, in the space it parks in from the start. */
  record Overstay(String spaceId, String zone, Duration maxStay) {}

  /**
   * @param heartbeat how long (wall clock) a parking sensor may stay quiet before the twin counts it silent
   */
  ParkingSimulation(City city, SimClock clock, DeviceLink devices, EventLoop loop, long seed, Duration heartbeat) {
    this.clock = clock;
    this.devices = devices;
    this.loop = loop;
    this.random = new Random(seed * 31 + 1);
    JsonNode section = city.section("parking");
    this.keepAliveAfter = heartbeat.dividedBy(2);
    Map<String, String> cameraOf = new HashMap<>();
    for (JsonNode camera : section.path("cameras")) {
      camera.path("spaces").forEach(space -> cameraOf.put(space.asText(), camera.path("cameraId").asText()));
    }
    Overstay found = null;
    for (JsonNode zone : section.path("zones")) {
      Duration maxStay = zone.path("maxStayMinutes").isNumber() ? Duration.ofMinutes(zone.path("maxStayMinutes").asLong()) : null;
      for (JsonNode space : zone.path("spaces")) {
        String spaceId = space.path("spaceId").asText();
        spaces.add(new Space(spaceId, cameraOf.get(spaceId), maxStay));
        if (found == null && maxStay != null) {
          found = new Overstay(spaceId, zone.path("zone").asText(), maxStay);
        }
      }
    }
    this.overstay = Optional.ofNullable(found);
    this.cars = new PlatePool(Math.max(40, spaces.size() + SPARE_CARS), random);
    // the last space: neither the overstayer's nor, in the sample county, one the collision closes
    this.silentSensor = spaces.size() > 1 ? Optional.of(spaces.get(spaces.size() - 1).spaceId) : Optional.empty();
  }

  /** Every sensor reports its first state in the run's first minutes; the malformed messages come later. */
  void start(Instant start, Instant end) {
    this.end = end;
    Duration run = Duration.between(start, end);
    for (int i = 0; i < spaces.size(); i++) {
      Space space = spaces.get(i);
      Instant first = start.plusSeconds(2L * i);
      if (overstay.isPresent() && overstay.get().spaceId().equals(space.spaceId)) {
        Duration stay = overstay.get().maxStay().plus(OVERSTAY_BY);
        loop.at(first, at -> carArrives(space, at, stay, false));
      } else if (random.nextDouble() < INITIALLY_OCCUPIED) {
        Duration stay = minutes(5, 150);
        loop.at(first, at -> carArrives(space, at, stay, true));
      } else {
        loop.at(first, at -> {
          report(space, false, at);
          loop.after(at, minutes(2, 45), next -> arrival(space, next));
        });
      }
    }
    if (!spaces.isEmpty()) {
      Space victim = spaces.get(0);
      loop.at(start.plus(run.multipliedBy(35).dividedBy(100)), at -> devices.publishRaw(SENSORS,
          topic(victim.spaceId), "{\"occupied\": tru, \"seq\": }".getBytes(StandardCharsets.UTF_8)));
    }
    loop.at(start.plus(run.dividedBy(2)), at -> devices.publishRaw(SENSORS, topic(UNKNOWN_SPACE),
        ("{\"occupied\": true, \"ts\": \"" + clock.deviceTime(at) + "\", \"seq\": 1}").getBytes(StandardCharsets.UTF_8)));
    silentSensor.ifPresent(id -> {
      Space broken = spaces.stream().filter(s -> s.spaceId.equals(id)).findFirst().orElseThrow();
      loop.at(silentFrom(start, end), at -> breakDown(broken));
      loop.at(silentUntil(start, end), at -> repair(broken, at));
    });
    long every = Math.max(50, keepAliveAfter.toMillis() / 4);
    keepAliveTimer.scheduleAtFixedRate(this::keepAliveTick, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * On the devices' timeline while it runs (it runs actions stamped "now" also while the clock waits), one at a
   * time; on this timer's thread once the timeline has ended.
   */
  private void keepAliveTick() {
    if (timelineEnded) {
      keepAlive(end);
    } else if (keepAliveQueued.compareAndSet(false, true)) {
      loop.now(at -> {
        keepAliveQueued.set(false);
        keepAlive(at.isAfter(end) ? end : at);
      });
    }
  }

  /** The run's summary is read: the sensors stop speaking. */
  void stop() {
    keepAliveTimer.shutdownNow();
  }

  Optional<Overstay> overstay() {
    return overstay;
  }

  Optional<String> silentSensor() {
    return silentSensor;
  }

  /** When the silent sensor stops and speaks again, in simulated time. */
  Instant silentFrom(Instant start, Instant end) {
    return start.plusMillis((long) (Duration.between(start, end).toMillis() * SILENT_FROM));
  }

  Instant silentUntil(Instant start, Instant end) {
    return start.plusMillis((long) (Duration.between(start, end).toMillis() * SILENT_UNTIL));
  }

  int keepAlives() {
    return keepAlives.get();
  }

  private synchronized void breakDown(Space space) {
    space.broken = true;
  }

  /** The sensor speaks again: its state now, with its next {@code seq}. */
  private synchronized void repair(Space space, Instant at) {
    space.broken = false;
    send(SENSORS, space, new Occupancy(space.occupied, clock.deviceTime(at), ++space.seq));
  }

  /** Every working sensor quiet for half its heartbeat repeats its state (the fold changes nothing for a repeat). */
  private synchronized void keepAlive(Instant at) {
    long now = System.nanoTime();
    for (Space space : spaces) {
      if (!space.broken && space.lastSentNanos != 0 && now - space.lastSentNanos >= keepAliveAfter.toNanos()) {
        send(KEEP_ALIVES, space, new Occupancy(space.occupied, clock.deviceTime(at), ++space.seq));
        keepAlives.incrementAndGet();
      }
    }
  }

  /** The timeline has ended: sends the readings still held back, nothing may stay undelivered. */
  synchronized void flush() {
    timelineEnded = true;
    for (Space space : spaces) {
      if (space.heldBack != null) {
        devices.publish(SENSORS, topic(space.spaceId), space.heldBack);
        space.heldBack = null;
      }
    }
  }

  /**
   * Plates of the cars that have left a space so far: their owners have sessions to pay. Read on the event
   * loop or after it stopped.
   */
  List<String> departedPlates() {
    return List.copyOf(departed);
  }

  String progress() {
    return String.format("parking %d/%d occupied, %d arrivals, %d flaps, %d plate reads",
        occupied.get(), spaces.size(), arrivals.get(), flaps.get(), plateReads.get());
  }

  int spaces() {
    return spaces.size();
  }

  int heldBack() {
    return heldBack.get();
  }

  private void arrival(Space space, Instant at) {
    if (random.nextDouble() < FLAP_SHARE) {
      flaps.incrementAndGet();
      report(space, true, at);
      loop.after(at, Duration.ofSeconds(10 + random.nextInt(41)), end -> {
        report(space, false, end);
        loop.after(end, minutes(5, 60), next -> arrival(space, next));
      });
      return;
    }
    Duration stay = random.nextDouble() < 0.7 ? minutes(15, 90) : minutes(90, 180);
    carArrives(space, at, stay, true);
  }

  /** @param keepsToLimit the driver leaves before the zone's maximum stay (all but the one overstayer do) */
  private void carArrives(Space space, Instant at, Duration wanted, boolean keepsToLimit) {
    Duration stay = keepsToLimit && space.maxStay != null && wanted.compareTo(space.maxStay.minus(LEAVES_BEFORE_LIMIT)) > 0
        ? space.maxStay.minus(LEAVES_BEFORE_LIMIT) : wanted;
    arrivals.incrementAndGet();
    String plate = cars.take(random);
    space.plate = plate;
    report(space, true, at);
    if (space.cameraId != null && random.nextDouble() >= NO_READ_SHARE) {
      loop.after(at, Duration.ofSeconds(3 + random.nextInt(43)), read -> readPlate(space, plate, read));
      if (random.nextDouble() < SECOND_READ_SHARE) {
        loop.after(at, Duration.ofSeconds(50 + random.nextInt(60)), read -> readPlate(space, plate, read));
      }
    }
    loop.after(at, stay, leave -> {
      departed.add(plate);
      space.plate = null;
      cars.release(plate);
      report(space, false, leave);
      loop.after(leave, minutes(5, 60), next -> arrival(space, next));
    });
  }

  private void readPlate(Space space, String plate, Instant at) {
    if (!plate.equals(space.plate)) {
      return; // the car has gone before the camera looked
    }
    double confidence = Math.round((0.80 + random.nextDouble() * 0.19) * 100) / 100.0;
    devices.publish(CAMERAS, "parking/cameras/" + space.cameraId + "/plates",
        new PlateRead(space.spaceId, plate, clock.deviceTime(at), confidence));
    plateReads.incrementAndGet();
  }

  /**
   * A new reading; now and then it is held back and goes out after the sensor's next one. A broken sensor sends
   * nothing (and counts nothing): it reports the state it finds once it speaks again.
   */
  private synchronized void report(Space space, boolean nowOccupied, Instant at) {
    if (space.occupied != nowOccupied) {
      occupied.addAndGet(nowOccupied ? 1 : -1);
    }
    space.occupied = nowOccupied;
    if (space.broken) {
      return;
    }
    Occupancy reading = new Occupancy(nowOccupied, clock.deviceTime(at), ++space.seq);
    if (space.heldBack == null && random.nextDouble() < HELD_BACK_SHARE) {
      space.heldBack = reading;
      heldBack.incrementAndGet();
      return;
    }
    send(SENSORS, space, reading);
  }

  /** The reading, then the one held back before it, if any. */
  private void send(String connection, Space space, Occupancy reading) {
    Occupancy late = space.heldBack;
    space.heldBack = null;
    devices.publish(connection, topic(space.spaceId), reading);
    if (late != null) {
      devices.publish(connection, topic(space.spaceId), late);
    }
    space.lastSentNanos = System.nanoTime();
  }

  private Duration minutes(int from, int to) {
    return Duration.ofSeconds(from * 60L + random.nextInt((to - from) * 60 + 1));
  }

  private static String topic(String spaceId) {
    return "parking/spaces/" + spaceId + "/occupancy";
  }
}
