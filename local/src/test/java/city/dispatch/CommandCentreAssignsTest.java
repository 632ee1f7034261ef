package city.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.dispatch.DispatchTwinKit.Order;
import city.dispatch.DispatchTwinKit.TestSensor;
import city.dispatch.DispatchTwinKit.TestUnit;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /ops/workorders/{id}/assign} on the twin, over HTTP and MQTT: the command centre sends the unit it
 * chooses instead of the nearest one the policy sent; the first unit is told to drop it and is free again, the chosen
 * one gets the order; a retry answers the same; a unit that cannot go, or an incident its crew has accepted, is
 * refused with the reason.
 */
class CommandCentreAssignsTest {
  private static final TestUnit NEAR = new TestUnit("CA", "fire", 36.500, 118.700);
  private static final TestUnit FAR = new TestUnit("CB", "fire", 36.540, 118.700);
  private static final TestUnit POLICE = new TestUnit("CP", "police", 36.500, 118.700);

  private static DispatchTwinKit kit;

  @BeforeAll
  static void start() throws Exception {
    // the sweep is parked: an assignment must not be withdrawn for a slow accept while the test looks at it
    kit = DispatchTwinKit.start(List.of(NEAR, FAR, POLICE), List.of(new TestSensor("SA-1", 36.501, 118.700)),
        Duration.ofMinutes(10), Duration.ofHours(1));
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  private static HttpResponse<String> assign(String workOrderId, String unitId) {
    return kit.postJson("/ops/workorders/" + workOrderId + "/assign", "{\"unitId\": \"" + unitId + "\"}", kit.opsToken());
  }

  @Test
  void theCommandCentreSendsTheUnitItChoosesAndTheFirstIsToldToDropIt() {
    String now = OffsetDateTime.now().toString();
    for (TestUnit unit : List.of(NEAR, FAR, POLICE)) {
      kit.unitStatus(unit, "available", now);
    }
    kit.awaitUnits("available", List.of("CA", "CB", "CP"));
    kit.alert("SA-1", "fire", "high", now);
    Order first = kit.awaitOrder("the policy's order to the nearest unit", o -> o.unitId().equals("CA")
        && o.action().equals("assign"));
    String id = first.incidentId();

    HttpResponse<String> refusedKind = assign(id, "CP");
    assertEquals(409, refusedKind.statusCode(), refusedKind.body());
    assertTrue(refusedKind.body().contains("police unit"), refusedKind.body());
    HttpResponse<String> unknown = assign(id, "NOPE");
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("not in the city file"), unknown.body());
    HttpResponse<String> busy = assign(id, "CA");
    assertEquals(200, busy.statusCode(), "the unit it already has: the same answer as a retry: " + busy.body());

    HttpResponse<String> chosen = assign(id, "CB");
    assertEquals(200, chosen.statusCode(), chosen.body());
    JsonNode workOrder = Json.parse(chosen.body());
    assertEquals("CB", workOrder.path("unitId").asText(), workOrder.toString());
    assertEquals("assigned", workOrder.path("status").asText());
    JsonNode last = workOrder.path("history").get(workOrder.path("history").size() - 1);
    assertEquals("reassigned", last.path("event").asText(), last.toString());
    assertEquals("ops-test", last.path("actor").asText(), "the dispatcher who chose it");
    kit.awaitOrder("a cancel to the first unit", o -> o.unitId().equals("CA") && o.action().equals("cancel")
        && o.incidentId().equals(id));
    kit.awaitOrder("the order to the chosen unit", o -> o.unitId().equals("CB") && o.action().equals("assign")
        && o.incidentId().equals(id));
    kit.awaitUnits("available", List.of("CA"));
    kit.awaitUnits("busy", List.of("CB"));

    HttpResponse<String> retry = assign(id, "CB");
    assertEquals(200, retry.statusCode(), retry.body());
    assertEquals("CB", Json.parse(retry.body()).path("unitId").asText());
    long ordersToChosen = kit.orders.stream().filter(o -> o.unitId().equals("CB") && o.incidentId().equals(id)).count();
    assertEquals(1, ordersToChosen, "a retry sends no second order");

    kit.ack("CB", id, "accept");
    DispatchTwinKit.await(id + " accepted", () -> kit.ops("/ops/workorders/" + id),
        w -> w.path("status").asText().equals("accepted"));
    HttpResponse<String> accepted = assign(id, "CA");
    assertEquals(409, accepted.statusCode(), accepted.body());
    assertTrue(accepted.body().contains("accepted"), accepted.body());
    assertEquals("CB", kit.ops("/ops/workorders/" + id).path("unitId").asText(), "the refusal changed nothing");
    assertEquals(404, assign("A-NONE-1", "CA").statusCode());
  }
}
