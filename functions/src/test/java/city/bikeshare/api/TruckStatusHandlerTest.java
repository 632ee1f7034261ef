package city.bikeshare.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.store.MemoryPlanStore;
import city.bikeshare.core.store.MemoryStationStore;
import city.bikeshare.core.store.MemoryTruckStore;
import city.platform.MemoryDeadLetters;
import city.platform.TestCity;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

class TruckStatusHandlerTest {
  private final MemoryTruckStore trucks = new MemoryTruckStore();
  private final MemoryPlanStore plans = new MemoryPlanStore();
  private final MemoryDeadLetters deadLetters = new MemoryDeadLetters();
  private final TruckStatusHandler handler =
      new TruckStatusHandler(TestCity.sample(), trucks, plans, new MemoryStationStore(), deadLetters);

  @ParameterizedTest
  @Event(value = "../events/BikeshareTruckStatus.json", type = Map.class)
  void positionAndLoadAreKept(Map<String, Object> event) {
    handler.handleRequest(event, null);
    assertEquals(4, trucks.trucks.get("T1").load());
    assertEquals(36.5141, trucks.trucks.get("T1").position().lat());
    assertTrue(deadLetters.letters.isEmpty());
  }

  @ParameterizedTest
  @Event(value = "../events/BikeshareTruckStatus-progress.json", type = Map.class)
  void progressOnAPlanThisSystemNeverMadeIsDeadLettered(Map<String, Object> event) {
    handler.handleRequest(event, null);
    assertEquals("unknown plan P20261128T010000000Z-00c0de", deadLetters.letters.get(0).reason());
    assertTrue(trucks.trucks.isEmpty());
  }
}
