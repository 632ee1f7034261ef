package city.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.dispatch.DispatchTwinKit.Order;
import city.dispatch.DispatchTwinKit.TestSensor;
import city.dispatch.DispatchTwinKit.TestUnit;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 20 incidents at once for 5 units, on the twin: each unit works one incident at a time (accepts at once,
 * resolves after a hold of its own length), and the queue is served most urgent first as units free up.
 */
class ScarceUnitsTest {
  private static final int UNITS = 5;
  private static final int INCIDENTS = 20;
  private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
  /** Claims racing in one moment may land a few milliseconds out of queue order, never more. */
  private static final Duration CONCURRENCY_SLACK = Duration.ofMillis(250);

  private static DispatchTwinKit kit;
  private static final List<TestUnit> FLEET = IntStream.range(0, UNITS)
      .mapToObj(i -> new TestUnit("K" + i, "fire", 36.50 + i * 0.01, 118.50)).toList();

  @BeforeAll
  static void start() throws Exception {
    List<TestSensor> sensors = IntStream.range(0, INCIDENTS)
        .mapToObj(i -> new TestSensor(String.format("Q%02d", i), 36.49 + (i * 7 % INCIDENTS) * 0.004, 118.51)).toList();
    kit = DispatchTwinKit.start(FLEET, sensors, Duration.ofSeconds(30), Duration.ofSeconds(1));
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void noUnitEverHoldsTwoAndTheQueueIsServedByPriorityAsUnitsFreeUp() {
    // device time within the city's clock limits around arrival (platform.maxMessageAge), whenever the test runs
    OffsetDateTime alertTime = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusMinutes(5);
    IntStream.range(0, INCIDENTS).parallel().forEach(i -> kit.alert(String.format("Q%02d", i),
        "fire", SEVERITIES.get(i % SEVERITIES.size()), alertTime.toString()));
    DispatchTwinKit.await(INCIDENTS + " incidents queued (no unit has said it is available)",
        () -> kit.ops("/ops/incidents?status=queued").path("incidents"), list -> list.size() == INCIDENTS);

    Map<String, String> holding = new ConcurrentHashMap<>();
    List<String> violations = new CopyOnWriteArrayList<>();
    ScheduledExecutorService crews = Executors.newScheduledThreadPool(UNITS);
    Set<Order> handled = ConcurrentHashMap.newKeySet();
    Thread dispatcherDesk = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        for (Order order : kit.orders) {
          if (!handled.add(order)) {
            continue;
          }
          if (!order.action().equals("assign")) {
            violations.add("unexpected " + order.action() + " to " + order.unitId());
            continue;
          }
          String previous = holding.putIfAbsent(order.unitId(), order.incidentId());
          if (previous != null) {
            violations.add(order.unitId() + " got " + order.incidentId() + " while holding " + previous);
            continue;
          }
          kit.ack(order.unitId(), order.incidentId(), "accept");
          long holdMillis = 150 + 60L * Integer.parseInt(order.unitId().substring(1));
          crews.schedule(() -> {
            holding.remove(order.unitId());
            kit.ack(order.unitId(), order.incidentId(), "resolve");
          }, holdMillis, TimeUnit.MILLISECONDS);
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    dispatcherDesk.start();
    try {
      FLEET.forEach(unit -> kit.unitStatus(unit, "available", alertTime.plusSeconds(1).toString()));
      DispatchTwinKit.await("all incidents closed", () -> kit.ops("/ops/incidents?status=closed").path("incidents"),
          list -> list.size() == INCIDENTS);
    } finally {
      dispatcherDesk.interrupt();
      crews.shutdownNow();
    }

    assertEquals(List.of(), violations);
    List<Order> assigns = kit.orders.stream().filter(o -> o.action().equals("assign")).toList();
    assertEquals(INCIDENTS, assigns.size(), "one order per incident");
    assertEquals(INCIDENTS, new HashSet<>(assigns.stream().map(Order::incidentId).toList()).size());
    Map<String, Integer> perUnit = new HashMap<>();
    assigns.forEach(o -> perUnit.merge(o.unitId(), 1, Integer::sum));
    assertEquals(UNITS, perUnit.size(), "every unit worked: " + perUnit);

    List<JsonNode> closed = new ArrayList<>();
    kit.ops("/ops/incidents?status=closed").path("incidents").forEach(closed::add);
    Comparator<JsonNode> queueOrder = Comparator.comparingInt((JsonNode i) -> i.path("priority").asInt())
        .thenComparing(i -> OffsetDateTime.parse(i.path("reportedAt").asText()).toInstant())
        .thenComparing(i -> i.path("incidentId").asText());
    closed.sort(queueOrder);
    long worst = 0;
    for (int a = 0; a < closed.size(); a++) {
      for (int b = a + 1; b < closed.size(); b++) {
        long late = Duration.between(dispatched(closed.get(b)), dispatched(closed.get(a))).toMillis();
        worst = Math.max(worst, late);
        assertTrue(late <= CONCURRENCY_SLACK.toMillis(), closed.get(a).path("incidentId").asText() + " (priority "
            + closed.get(a).path("priority").asInt() + ") was dispatched " + late + " ms after "
            + closed.get(b).path("incidentId").asText() + " (priority " + closed.get(b).path("priority").asInt() + ")");
      }
    }
    System.out.printf("MEASURED %d incidents for %d units: served in queue order (largest inversion %d ms, within"
        + " one burst of concurrent claims); per unit %s%n", INCIDENTS, UNITS, worst, perUnit);
  }

  private static OffsetDateTime dispatched(JsonNode incident) {
    return OffsetDateTime.parse(incident.path("dispatchedAt").asText());
  }
}
