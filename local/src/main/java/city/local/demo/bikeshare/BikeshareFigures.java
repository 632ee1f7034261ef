package city.local.demo.bikeshare;

import city.local.demo.DemoFigures;
import city.local.demo.Summary;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The latest plan (GET /ops/bikeshare/plans/latest), {@code planId} null when none was made; and what the
 * trucks did: task lists taken up, bikes actually moved.
 */
public record BikeshareFigures(String planId, String status, int trucksUsed, int stops, int completedStops,
    int bikesToPickUp, int bikesToDrop, long distanceMeters, int stationsReporting, int stationsOffTarget,
    int stationsVisited, int taskListsAdopted, int bikesPickedUp, int bikesDropped) implements DemoFigures {

  @Override
  public void print(PrintStream out, Summary.RunFigures run) {
    if (planId == null) {
      out.println("bike-share no plan was made");
      return;
    }
    out.printf(Locale.ROOT, "bike-share plan %s (%s): %d of %d stations off target, %d to visit; %d trucks, %d stops, "
            + "%.1f km, pick up %d bikes, drop %d%n",
        planId, status, stationsOffTarget, stationsReporting, stationsVisited, trucksUsed, stops,
        distanceMeters / 1000.0, bikesToPickUp, bikesToDrop);
    out.printf(Locale.ROOT, "           %d task lists reached the trucks; progress %d/%d stops done; "
            + "the trucks picked up %d bikes and dropped %d%n", taskListsAdopted, completedStops, stops, bikesPickedUp,
        bikesDropped);
  }
}
