package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import city.platform.GeoPoint;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An emergency whose acknowledgement times out keeps its re-dispatch and is also a supervision record: a history step
 * by supervision and a message on {@code ops/supervision/{department}}, once per missed dispatch, whoever writes it.
 */
class AckTimeoutRecordTest {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(90);
  private static final String TOPIC = "ops/supervision/fire";
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MemoryUnitStore units = new MemoryUnitStore();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(T0);
  private final DispatchSettings settings = Fixtures.settings(ACK_TIMEOUT);
  private final Dispatcher dispatcher = new Dispatcher(settings, incidents, units, publisher, clock);
  private final DispatchSweep sweep = new DispatchSweep(settings, incidents, dispatcher,
      new AckTimeoutSupervision(settings, incidents, publisher, clock), clock);
  private final HotlineSupervision supervision = new HotlineSupervision(settings, incidents, publisher,
      new IncidentEvents(event -> {}), clock);

  private void available(String... unitIds) {
    for (String unitId : unitIds) {
      Unit unit = Fixtures.unit(unitId);
      units.applyStatus(new UnitStatusReport(unitId, unit.kind(), UnitStatus.AVAILABLE, unit.home(), at(clock.instant())),
          at(clock.instant()));
    }
  }

  /** A fire call nearest F2, referred to the fire department. */
  private void reported() {
    WorkOrder order = WorkOrder.opened(Channel.SENSOR, "fire", "fire",
        new Deadlines(Duration.ofMinutes(30), Duration.ofHours(4)), at(T0), List.of());
    incidents.create(Fixtures.queued("I1", "fire", 2, new GeoPoint(36.532, 118.50), T0).asWorkOrder(order),
        Optional.empty());
    dispatcher.drain("fire");
  }

  private List<HistoryEntry> records() {
    return incidents.get("I1").history().stream().filter(h -> h.event().equals(AckTimeouts.RECORDED)).toList();
  }

  private List<JsonNode> messages() {
    return publisher.to(TOPIC).stream().map(RecordingPublisher.Sent::message).toList();
  }

  @Test
  void eachTimedOutDispatchIsRecordedOnceNamingTheSilentUnitTheTimeoutAndWhomItWentTo() {
    available("F1", "F2", "F3");
    reported();
    clock.advance(ACK_TIMEOUT);
    DispatchSweep.Result first = sweep.run();
    assertEquals(1, first.withdrawn());
    assertEquals(1, first.recorded());
    assertEquals(0, sweep.run().recorded(), "a redelivered sweep records nothing again");

    List<HistoryEntry> records = records();
    assertEquals(1, records.size());
    assertEquals(Supervision.ACTOR, records.get(0).actor());
    assertEquals("unit F2 did not accept within 90 s: re-dispatched to F1", records.get(0).detail());
    assertEquals(1, messages().size());
    JsonNode message = messages().get(0);
    assertEquals("I1/ack-timeout/1", message.path("eventId").asText());
    assertEquals(AckTimeouts.CAUSE, message.path("cause").asText());
    assertEquals("F2", message.path("unitId").asText());
    assertEquals("F1", message.path("redispatchedTo").asText());
    assertEquals("I1", message.path("workOrderId").asText());
    assertEquals(0, message.path("level").asInt(), "an acknowledgement timeout raises no level");
    assertEquals(records.get(0).detail(), message.path("reason").asText());

    clock.advance(ACK_TIMEOUT);
    assertEquals(1, sweep.run().recorded(), "F1 let it time out too");
    assertEquals("unit F1 did not accept within 90 s: re-dispatched to F3", records().get(1).detail());
    assertEquals(List.of("I1/ack-timeout/1", "I1/ack-timeout/2"),
        messages().stream().map(m -> m.path("eventId").asText()).toList());
    assertEquals(2, incidents.get("I1").escalations(), "today's re-dispatch is unchanged");
    assertEquals("F3", incidents.get("I1").assignment().unitId());
  }

  @Test
  void aRecordTheSweepCouldNotWriteIsWrittenByTheSupervisionRunUnderTheSameId() {
    available("F2");
    reported();
    clock.advance(ACK_TIMEOUT);
    publisher.failing = true;
    DispatchSweep.Result failed = sweep.run();
    publisher.failing = false;
    assertEquals(1, failed.withdrawn(), "the withdrawal stands");
    assertEquals(0, failed.recorded());
    assertEquals(List.of(), records());

    assertEquals(0, supervision.run(), "no deadline passed");
    assertEquals(0, supervision.run());
    assertEquals(1, records().size(), "recorded once");
    assertEquals("unit F2 did not accept within 90 s: queued, no free unit yet", records().get(0).detail());
    assertEquals(List.of("I1/ack-timeout/1"), messages().stream().map(m -> m.path("eventId").asText()).toList());
    assertEquals(IncidentStatus.QUEUED, incidents.get("I1").status());
  }
}
