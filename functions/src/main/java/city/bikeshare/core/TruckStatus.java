package city.bikeshare.core;

import city.platform.DeviceMessage;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A truck's report: where it is, how many bikes it carries and, optionally, how far it got with a task list
 * ({@code planId} and {@code completedStops}, the number of that list's stops done, in order).
 */
public record TruckStatus(
    String truckId, GeoPoint position, int load, OffsetDateTime ts, Optional<String> planId, OptionalInt completedStops) {

  public static TruckStatus extract(DeviceMessage message, BikeshareLayout layout) {
    BikeshareLayout.Truck truck = layout.truck(message.deviceId())
        .orElseThrow(() -> new InvalidInput("truck " + message.deviceId() + " is not in the city file's fleet"));
    GeoPoint position = new GeoPoint(message.number("lat", -90, 90), message.number("lon", -180, 180));
    int load = (int) message.integer("load", 0, truck.capacity());
    Optional<String> planId = message.has("planId") ? Optional.of(message.text("planId")) : Optional.empty();
    OptionalInt completed = OptionalInt.empty();
    if (message.has("completedStops")) {
      if (planId.isEmpty()) {
        throw new InvalidInput("field completedStops needs the planId it counts for");
      }
      completed = OptionalInt.of((int) message.integer("completedStops", 0, Integer.MAX_VALUE));
    }
    return new TruckStatus(truck.truckId(), position, load, message.timestamp("ts"), planId, completed);
  }
}
