package city.bikeshare.core.service;

import city.bikeshare.core.StationState;
import city.bikeshare.core.StationStatus;
import city.platform.BusEvent;
import city.platform.EventPublisher;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A dock controller's fault on the city bus (docs/events.md, {@code city.bikeshare} / {@value #FAULT} and
 * {@value #CLEARED}): dispatch opens a maintenance job at once and closes it when a report without the fault
 * arrives. Published by the report that began or ended the fault, and again by its redelivery (its first publish may
 * have failed); the id is the station and the fault's start.
 */
public final class DockFaults {
  public static final String SOURCE = "city.bikeshare";
  public static final String FAULT = "Dock Fault";
  public static final String CLEARED = "Dock Fault Cleared";

  private final EventPublisher events;

  public DockFaults(EventPublisher events) {
    this.events = events;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detail(String stationId, String fault, OffsetDateTime faultSince, double lat, double lon,
      OffsetDateTime reportedAt) {}

  /** Pure: the event the report's new state calls for, if any. */
  public static Optional<BusEvent> event(StationStatus status, StationState state, double lat, double lon) {
    if (state.faultSince() != null && state.faultSince().toInstant().equals(status.ts().toInstant())) {
      return Optional.of(BusEvent.of(SOURCE, FAULT, status.ts().toInstant(),
          status.stationId() + "/fault/" + state.faultSince().toInstant().toEpochMilli(),
          new Detail(status.stationId(), state.fault(), state.faultSince(), lat, lon, status.ts())));
    }
    if (state.clearedFaultSince() != null) {
      return Optional.of(BusEvent.of(SOURCE, CLEARED, status.ts().toInstant(),
          status.stationId() + "/fault-cleared/" + state.clearedFaultSince().toInstant().toEpochMilli(),
          new Detail(status.stationId(), null, state.clearedFaultSince(), lat, lon, status.ts())));
    }
    return Optional.empty();
  }

  public void publish(StationStatus status, StationState state, double lat, double lon) {
    event(status, state, lat, lon).ifPresent(events::publish);
  }
}
