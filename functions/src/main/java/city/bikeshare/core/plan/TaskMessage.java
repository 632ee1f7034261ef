package city.bikeshare.core.plan;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a truck receives on {@code bikeshare/trucks/{truckId}/tasks}. A truck keeps the task list with the
 * greatest {@code planId} it has seen and drops older ones, whatever order they arrive in; an empty
 * {@code stops} means: stop working on any older list.
 */
public record TaskMessage(String planId, String truckId, OffsetDateTime createdAt, List<Stop> stops, List<Trip> trips) {
  public static String topic(String truckId) {
    return "bikeshare/trucks/" + truckId + "/tasks";
  }
}
