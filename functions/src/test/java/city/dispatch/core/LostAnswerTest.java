package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import city.platform.GeoPoint;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A conditional write that DynamoDB carried out but whose answer was lost (a 500, an attempt timeout): the SDK
 * retries it, the retry is refused by its own effect, and the caller sees "refused". Found by the twin's fault
 * profile ({@code FaultProfileTest}); these stores land the write and then answer as that retry does.
 */
class LostAnswerTest {
  private final MemoryIncidentStore memoryIncidents = new MemoryIncidentStore();
  private final MemoryUnitStore memoryUnits = new MemoryUnitStore();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(T0);
  private boolean loseNextClaimAnswer;
  private boolean loseNextReplaceAnswer;
  private boolean loseNextStatusAnswer;

  private final UnitStore units = new UnitStore() {
    @Override
    public Map<String, UnitState> find(Collection<String> unitIds) {
      return memoryUnits.find(unitIds);
    }

    @Override
    public boolean applyStatus(UnitStatusReport report, OffsetDateTime receivedAt) {
      boolean applied = memoryUnits.applyStatus(report, receivedAt);
      boolean lost = loseNextStatusAnswer;
      loseNextStatusAnswer = false;
      return applied && !lost;
    }

    @Override
    public boolean claim(String unitId, String incidentId, String claimId, OffsetDateTime at) {
      boolean applied = memoryUnits.claim(unitId, incidentId, claimId, at);
      boolean lost = loseNextClaimAnswer;
      loseNextClaimAnswer = false;
      return applied && !lost;
    }

    @Override
    public boolean release(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs) {
      return memoryUnits.release(unitId, incidentId, claimId, markAs);
    }

    @Override
    public boolean releaseWithdrawn(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs) {
      return memoryUnits.releaseWithdrawn(unitId, incidentId, claimId, markAs);
    }

    @Override
    public boolean oweCancel(String unitId, String incidentId) {
      return memoryUnits.oweCancel(unitId, incidentId);
    }

    @Override
    public boolean clearCancels(String unitId, Set<String> incidentIds) {
      return memoryUnits.clearCancels(unitId, incidentIds);
    }
  };

  private final IncidentStore incidents = new IncidentStore() {
    @Override
    public boolean create(Incident incident, Optional<ReporterContact> contact) {
      return memoryIncidents.create(incident, contact);
    }

    @Override
    public void keepContact(String reporterId, ReporterContact contact, OffsetDateTime reportedAt) {
      memoryIncidents.keepContact(reporterId, contact, reportedAt);
    }

    @Override
    public Map<String, ReporterContact> contacts(Collection<String> reporterIds) {
      return memoryIncidents.contacts(reporterIds);
    }

    @Override
    public Optional<Incident> find(String incidentId) {
      return memoryIncidents.find(incidentId);
    }

    @Override
    public List<Incident> findAll(Collection<String> incidentIds) {
      return memoryIncidents.findAll(incidentIds);
    }

    @Override
    public boolean replace(Incident current, Incident next) {
      boolean applied = memoryIncidents.replace(current, next);
      boolean lost = loseNextReplaceAnswer;
      loseNextReplaceAnswer = false;
      return applied && !lost;
    }

    @Override
    public List<Incident> active(IncidentStatus status, String kind) {
      return memoryIncidents.active(status, kind);
    }

    @Override
    public List<ReportedEntry> reported(Instant from, Instant to) {
      return memoryIncidents.reported(from, to);
    }
  };

  private final Dispatcher dispatcher = new Dispatcher(Fixtures.settings(Duration.ofSeconds(90)), incidents, units, publisher, clock);

  private void queue(String id, int priority) {
    memoryIncidents.create(Fixtures.queued(id, "fire", priority, new GeoPoint(36.532, 118.50), clock.instant()), Optional.empty());
  }

  private void comesOnDuty(String unitId) {
    Unit unit = Fixtures.unit(unitId);
    dispatcher.unitReported(new UnitStatusReport(unitId, unit.kind(), UnitStatus.AVAILABLE, unit.home(), at(clock.instant())),
        at(clock.instant()));
  }

  private void assertHolds(String unitId, String incidentId) {
    Incident incident = memoryIncidents.get(incidentId);
    assertEquals(IncidentStatus.ASSIGNED, incident.status(), incidentId + " " + incident.status());
    assertEquals(unitId, incident.assignment().unitId());
    assertEquals(incidentId, memoryUnits.units.get(unitId).incidentId());
    assertEquals(incident.assignment().claimId(), memoryUnits.units.get(unitId).claimId(), "both items name one claim");
    assertEquals(List.of("assign"),
        publisher.to(DispatchOrder.topic(unitId)).stream().map(s -> s.as(DispatchOrder.class).action()).toList());
  }

  @Test
  void aClaimWhoseFirstStepLandedUnseenIsCompletedNotLeftHalfDone() {
    queue("I1", 2);
    loseNextClaimAnswer = true;
    comesOnDuty("F1");
    assertHolds("F1", "I1");
  }

  @Test
  void aClaimWhoseSecondStepLandedUnseenKeepsTheUnitInsteadOfFreeingIt() {
    queue("I1", 2);
    queue("I2", 3);
    loseNextReplaceAnswer = true;
    comesOnDuty("F1");
    assertHolds("F1", "I1");
    assertEquals(IncidentStatus.QUEUED, memoryIncidents.get("I2").status(), "the unit took one incident, the most urgent");
  }

  @Test
  void anAvailableStatusWhoseWriteLandedUnseenStillTakesTheQueue() {
    queue("I1", 2);
    loseNextStatusAnswer = true;
    comesOnDuty("F1");
    assertHolds("F1", "I1");
  }
}
