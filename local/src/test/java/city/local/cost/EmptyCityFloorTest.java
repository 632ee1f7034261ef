package city.local.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A schedule measured on an empty city too: its empty-city runs are the fixed cost, and what the busy demo's runs read
 * beyond them is variable, charged only to a city with traffic. The toy city's settlement runs hourly (720 a month).
 */
class EmptyCityFloorTest {
  private static final UsageProfile PROFILE = new UsageProfile("toy", List.of(
      new EventProfile("ParkingOccupancy", EventProfile.MEASURED, 100, 1, 2, 3, 19.2, 0, "hand", "2026-12-01", null),
      new EventProfile("ParkingSettlement", EventProfile.MEASURED, 50, 10, 3, 12, 99.5, 0.5, "hand", "2026-12-01", null)
          .withEmptyCity(new EventProfile.EmptyCity(20, 2, 0, 19.5, 0, "hand, on an empty toy city", "2026-12-01"))));
  private static final Workload QUIET = new Workload(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  private static double settlement(List<Usage> usage, String item, boolean fixed) {
    return usage.stream().filter(u -> u.source().equals("ParkingSettlement") && u.item().equals(item) && u.fixed() == fixed)
        .mapToDouble(Usage::quantity).sum();
  }

  @Test
  void anIdleCityPaysTheEmptyCityRunsOnly() {
    Scenario idle = new Scenario("idle", "nothing", null, QUIET, HandComputedBillTest.scenario().assumptions());
    List<Usage> usage = UsageModel.usage(idle, PROFILE, HandComputedBillTest.DOMAINS, HandComputedBillTest.DEPLOYMENT);
    assertEquals(720 * 2.0, settlement(usage, Items.DYNAMODB_RRU, true), 1e-9);
    assertEquals(0, settlement(usage, Items.DYNAMODB_RRU, false), 1e-9);
    assertEquals(0, settlement(usage, Items.DYNAMODB_WRU, true) + settlement(usage, Items.DYNAMODB_WRU, false), 1e-9);
    // 20 ms at 512 MB: 0.01 GB-s a run
    assertEquals(720 * 0.01, settlement(usage, Items.LAMBDA_GB_SECONDS, true), 1e-9);
    assertEquals(0, settlement(usage, Items.IOT_MESSAGES, true) + settlement(usage, Items.IOT_MESSAGES, false), 1e-9);
  }

  @Test
  void aBusyCityAddsWhatItsTrafficReadsBeyondTheFloor() {
    List<Usage> usage = UsageModel.usage(HandComputedBillTest.scenario(), PROFILE, HandComputedBillTest.DOMAINS,
        HandComputedBillTest.DEPLOYMENT);
    assertEquals(720 * 2.0, settlement(usage, Items.DYNAMODB_RRU, true), 1e-9);
    assertEquals(720 * 8.0, settlement(usage, Items.DYNAMODB_RRU, false), 1e-9);
    assertEquals(720 * 3.0, settlement(usage, Items.DYNAMODB_WRU, false), 1e-9);
    // 100 ms against 20 ms at 512 MB
    assertEquals(720 * 0.04, settlement(usage, Items.LAMBDA_GB_SECONDS, false), 1e-9);
    assertEquals(720.0, settlement(usage, Items.SCHEDULER_INVOCATIONS, true), 1e-9);
  }
}
