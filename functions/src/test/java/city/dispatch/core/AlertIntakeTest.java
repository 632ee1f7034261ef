package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AlertIntakeTest {
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MemorySensorStore sensors = new MemorySensorStore();
  private final DispatchSettings settings = Fixtures.settings(Duration.ofSeconds(90));
  private final AlertIntake intake = new AlertIntake(settings, incidents, sensors);

  private static AlertReport alert(String sensor, String category, Severity severity, Instant ts) {
    return new AlertReport(sensor, category, null, severity, Fixtures.CENTRE, null, at(ts), ts.plusMillis(200));
  }

  @Test
  void theFirstAlertOpensAnIncidentWithKindAndPriority() {
    AlertIntake.Intake result = intake.receive(alert("S1", "smoke", Severity.HIGH, T0));
    assertTrue(result.created());
    Incident incident = incidents.get(result.incident().incidentId());
    assertEquals("fire", incident.kind());
    assertEquals(2, incident.priority());
    assertEquals(IncidentStatus.QUEUED, incident.status());
    assertEquals(result.incident().incidentId(), sensors.pointers.get("S1"));
    WorkOrder order = incident.workOrder();
    assertEquals(Channel.SENSOR, order.channel(), "every incident is a work order");
    assertEquals("fire", order.department(), "the department of the unit kind");
    assertEquals(incident.report().reportedAt().plus(HotlineSettings.DEFAULT_DEADLINES.resolveWithin()), order.resolveBy());
  }

  @Test
  void repeatsWithinTheWindowMergeAndARedeliveryChangesNothing() {
    String id = intake.receive(alert("S1", "fire", Severity.MEDIUM, T0)).incident().incidentId();
    assertFalse(intake.receive(alert("S1", "fire", Severity.MEDIUM, T0)).created());
    assertEquals(1, incidents.get(id).alerts().count(), "the same alert delivered twice counts once");
    for (int minute = 1; minute <= 25; minute += 8) {
      AlertIntake.Intake repeat = intake.receive(alert("S1", "fire", Severity.CRITICAL, T0.plusSeconds(60L * minute)));
      assertFalse(repeat.created());
      assertEquals(id, repeat.incident().incidentId());
    }
    assertEquals(1, incidents.incidents.size(), "a sliding window: each repeat came within 10 minutes of the last");
    assertEquals(5, incidents.get(id).alerts().count());
    assertEquals(1, incidents.get(id).priority(), "the critical repeat raised the priority");
  }

  @Test
  void aLongerSilenceOrAClosedIncidentStartsANewIncident() {
    String first = intake.receive(alert("S1", "fire", Severity.HIGH, T0)).incident().incidentId();
    String afterSilence = intake.receive(alert("S1", "fire", Severity.HIGH, T0.plus(Duration.ofMinutes(11)))).incident().incidentId();
    assertFalse(first.equals(afterSilence));
    Incident stored = incidents.get(afterSilence);
    incidents.replace(stored, stored.assigned("F1", "c", 1, at(T0.plus(Duration.ofMinutes(12)))));
    stored = incidents.get(afterSilence);
    incidents.replace(stored, stored.acknowledged("F1", AckAction.RESOLVE, at(T0.plus(Duration.ofMinutes(13)))).orElseThrow());
    AlertIntake.Intake again = intake.receive(alert("S1", "fire", Severity.HIGH, T0.plus(Duration.ofMinutes(14))));
    assertTrue(again.created(), "the fire came back after the unit resolved it");
  }

  @Test
  void aSensorsOwnRepeatsNeverMergeIntoAnotherSensorsIncident() {
    String s1 = intake.receive(alert("S1", "fire", Severity.HIGH, T0)).incident().incidentId();
    String s2 = intake.receive(alert("S2", "fire", Severity.HIGH, T0)).incident().incidentId();
    assertFalse(s1.equals(s2));
  }

  @Test
  void anUnknownCategoryIsRefusedWithItsReason() {
    InvalidInput refused = assertThrows(InvalidInput.class, () -> intake.receive(alert("S1", "volcano", Severity.HIGH, T0)));
    assertTrue(refused.getMessage().contains("volcano"));
  }

  @Test
  void concurrentAlertsOfOneSensorOpenOneIncident() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<AlertIntake.Intake>> alerts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Instant ts = T0.plusSeconds(i % 6);
      alerts.add(() -> intake.receive(alert("S1", "fire", Severity.HIGH, ts)));
    }
    Set<String> ids = new HashSet<>();
    int created = 0;
    for (Future<AlertIntake.Intake> result : pool.invokeAll(alerts)) {
      ids.add(result.get().incident().incidentId());
      created += result.get().created() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, incidents.incidents.size());
    assertEquals(1, ids.size());
    assertEquals(1, created);
  }
}
