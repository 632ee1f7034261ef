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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The county's geomagnetic sensors and plate cameras. Every space alternates between free and occupied;
 * most occupations are cars (a plate read by the zone's camera shortly after, sometimes two reads, sometimes
 * none), a few are sensor flaps shorter than a minute. Each sensor counts its messages with {@code seq}. A
 * few readings are held back and sent after the sensor's next one, as a network may reorder them; two
 * messages are malformed on purpose and must end as dead letters.
 */
public final class ParkingSimulation {
  static final String SENSORS = "parking-sensors";
  static final String CAMERAS = "plate-cameras";
  /** A space id no city file has: its message must be refused as from an unknown device. */
  public static final String UNKNOWN_SPACE = "S404";
  public static final int MALFORMED_MESSAGES = 2;

  private static final double INITIALLY_OCCUPIED = 0.45;
  private static final double FLAP_SHARE = 0.07;
  private static final double HELD_BACK_SHARE = 0.04;
  private static final double NO_READ_SHARE = 0.08;
  private static final double SECOND_READ_SHARE = 0.15;
  private static final int SPARE_CARS = 4;

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

    Space(String spaceId, String cameraId) {
      this.spaceId = spaceId;
      this.cameraId = cameraId;
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

  ParkingSimulation(City city, SimClock clock, DeviceLink devices, EventLoop loop, long seed) {
    this.clock = clock;
    this.devices = devices;
    this.loop = loop;
    this.random = new Random(seed * 31 + 1);
    JsonNode section = city.section("parking");
    Map<String, String> cameraOf = new HashMap<>();
    for (JsonNode camera : section.path("cameras")) {
      camera.path("spaces").forEach(space -> cameraOf.put(space.asText(), camera.path("cameraId").asText()));
    }
    for (JsonNode zone : section.path("zones")) {
      for (JsonNode space : zone.path("spaces")) {
        String spaceId = space.path("spaceId").asText();
        spaces.add(new Space(spaceId, cameraOf.get(spaceId)));
      }
    }
    this.cars = new PlatePool(Math.max(40, spaces.size() + SPARE_CARS), random);
  }

  /** Every sensor reports its first state in the run's first minutes; the malformed messages come later. */
  void start(Instant start, Instant end) {
    Duration run = Duration.between(start, end);
    for (int i = 0; i < spaces.size(); i++) {
      Space space = spaces.get(i);
      Instant first = start.plusSeconds(2L * i);
      if (random.nextDouble() < INITIALLY_OCCUPIED) {
        Duration stay = minutes(5, 150);
        loop.at(first, at -> carArrives(space, at, stay));
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
  }

  /** Sends the readings still held back: nothing may stay undelivered when the run ends. */
  void flush() {
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
    carArrives(space, at, stay);
  }

  private void carArrives(Space space, Instant at, Duration stay) {
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

  /** A new reading; now and then it is held back and goes out after the sensor's next one. */
  private void report(Space space, boolean nowOccupied, Instant at) {
    if (space.occupied != nowOccupied) {
      occupied.addAndGet(nowOccupied ? 1 : -1);
    }
    space.occupied = nowOccupied;
    Occupancy reading = new Occupancy(nowOccupied, clock.deviceTime(at), ++space.seq);
    Occupancy late = space.heldBack;
    space.heldBack = null;
    if (late == null && random.nextDouble() < HELD_BACK_SHARE) {
      space.heldBack = reading;
      heldBack.incrementAndGet();
      return;
    }
    devices.publish(SENSORS, topic(space.spaceId), reading);
    if (late != null) {
      devices.publish(SENSORS, topic(space.spaceId), late);
    }
  }

  private Duration minutes(int from, int to) {
    return Duration.ofSeconds(from * 60L + random.nextInt((to - from) * 60 + 1));
  }

  private static String topic(String spaceId) {
    return "parking/spaces/" + spaceId + "/occupancy";
  }
}
