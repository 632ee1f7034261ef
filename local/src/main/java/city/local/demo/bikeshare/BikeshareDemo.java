package city.local.demo.bikeshare;

import city.local.demo.DemoContext;
import city.local.demo.DemoFigures;
import city.local.demo.DemoPart;
import city.local.demo.TwinHttp;
import com.fasterxml.jackson.databind.JsonNode;

/** Dock controllers and rebalancing trucks, and an operator asking for a plan two thirds into the run. */
public final class BikeshareDemo implements DemoPart {
  private BikeshareSimulation bikeshare;

  @Override
  public void start(DemoContext context) {
    bikeshare = new BikeshareSimulation(context.city(), context.clock(), context.devices(), context.loop(),
        context.http(), context.apps(), context.opsToken(), context.seed());
    bikeshare.start(context.start(), context.end());
  }

  @Override
  public String progress() {
    return bikeshare.progress();
  }

  @Override
  public DemoFigures figures(DemoContext context) {
    int adopted = bikeshare.taskListsAdopted();
    int pickedUp = bikeshare.bikesPickedUp();
    int dropped = bikeshare.bikesDropped();
    TwinHttp.Reply reply = context.http().get("/ops/bikeshare/plans/latest", context.opsToken());
    if (reply.status() == 404) {
      return new BikeshareFigures(null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, adopted, pickedUp, dropped);
    }
    JsonNode plan = reply.require();
    JsonNode summary = plan.path("summary");
    JsonNode progress = plan.path("progress");
    return new BikeshareFigures(plan.path("planId").asText(), plan.path("status").asText(),
        summary.path("trucksUsed").asInt(), progress.path("totalStops").asInt(), progress.path("completedStops").asInt(),
        summary.path("bikesPickedUp").asInt(), summary.path("bikesDropped").asInt(), summary.path("distanceMeters").asLong(),
        summary.path("stationsReporting").asInt(), summary.path("stationsOffTarget").asInt(),
        summary.path("stationsVisited").asInt(), adopted, pickedUp, dropped);
  }
}
