package city.local.demo.bikeshare;

import city.local.demo.DeviceLink;
import city.local.demo.EventLoop;
import city.local.demo.SimClock;
import city.local.demo.TwinHttp;
import java.time.Duration;
import java.util.Random;

/**
 * A docking station and its riders. Its morning role sets the rider flow: homes empty out (more bikes taken
 * than returned), offices fill up, mixed stations stay roughly level. Every dock holds a bike or is free.
 */
final class SimulatedStation {
  enum Role {
    HOMES(0.8, 9, 2),
    OFFICES(0.25, 2, 9),
    MIXED(0.5, 4, 4);

    final double startFull;
    final double takenPerHour;
    final double returnedPerHour;

    Role(double startFull, double takenPerHour, double returnedPerHour) {
      this.startFull = startFull;
      this.takenPerHour = takenPerHour;
      this.returnedPerHour = returnedPerHour;
    }
  }

  private final String stationId;
  private final int capacity;
  private final double lat;
  private final double lon;
  private final Role role;
  /** Written on the event loop only; volatile for the progress line. */
  private volatile int bikes;

  SimulatedStation(String stationId, int capacity, double lat, double lon, Role role) {
    this.stationId = stationId;
    this.capacity = capacity;
    this.lat = lat;
    this.lon = lon;
    this.role = role;
    this.bikes = (int) Math.round(capacity * role.startFull);
  }

  /** Riders take and return bikes over the period; a rider finding no bike or no dock goes elsewhere. */
  void ride(Duration period, Random random) {
    double hours = period.toMillis() / 3_600_000.0;
    int taken = poisson(role.takenPerHour * hours, random);
    int returned = poisson(role.returnedPerHour * hours, random);
    bikes = Math.max(0, bikes - taken);
    bikes = Math.min(capacity, bikes + returned);
  }

  /** @return the bikes actually loaded: no more than the station holds */
  int take(int wanted) {
    int taken = Math.max(0, Math.min(wanted, bikes));
    bikes -= taken;
    return taken;
  }

  /** @return the bikes actually docked: no more than the free docks */
  int put(int offered) {
    int docked = Math.max(0, Math.min(offered, docks()));
    bikes += docked;
    return docked;
  }

  String stationId() {
    return stationId;
  }

  int bikes() {
    return bikes;
  }

  int docks() {
    return capacity - bikes;
  }

  double lat() {
    return lat;
  }

  double lon() {
    return lon;
  }

  /** Knuth's method: fine for the small means of a few minutes of riders. */
  private static int poisson(double mean, Random random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
