package city.overview;

import city.catalog.Access;
import city.catalog.CityModule;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.overview.api.CitySnapshotHandler;
import city.platform.SnapshotPart;
import java.util.List;

/**
 * What the ops console reads beyond the domains' own routes: the city snapshot ({@code GET /ops/snapshot}), made of
 * the domains' {@link SnapshotPart}s. The function may read exactly the parts' tables.
 */
public final class OverviewModule implements CityModule {
  @Override
  public Domain declarations() {
    FunctionSpec.Builder snapshot = FunctionSpec.handledBy("CitySnapshot", CitySnapshotHandler.class)
        .memoryMb(1024).timeoutSeconds(10).reservedConcurrency(5);
    for (SnapshotPart part : CitySnapshotHandler.parts()) {
      snapshot = snapshot.reads(part.tables().toArray(String[]::new));
    }
    return new Domain("overview",
        List.of(),
        List.of(snapshot.because("the console's map in one answer: a query per parking zone, the open incidents, the"
            + " units, the stations and the latest plan; 1024 MB for the JSON of a county, a few consoles at once")),
        List.of(),
        List.of(new HttpRoute("GET", "/ops/snapshot", "CitySnapshot", Access.OPS)),
        List.of());
  }
}
