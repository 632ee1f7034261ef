package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.GeoPoint;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A report of the same service near an open work order joins it, once per request, and keeps every reporter. */
class DuplicatesTest {
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MutableClock clock = new MutableClock(T0);
  private final DispatchSettings settings = Fixtures.settings(Duration.ofSeconds(90));
  private final HotlineSettings hotline = HotlineSettings.defaults(settings);
  private final Dispatcher dispatcher = new Dispatcher(settings, incidents, new MemoryUnitStore(),
      new RecordingPublisher(), clock);
  private final Open311Desk desk = new Open311Desk(settings, hotline, incidents, dispatcher, clock);

  private Open311Desk.Submission report(String code, double lat, String key, Channel channel, Optional<String> citizen) {
    ServiceRequest request = ServiceRequest.parse(Map.of("service_code", code, "lat", String.valueOf(lat),
        "long", "118.50", "email", "someone@example.org"), settings);
    return desk.submit(request, Optional.of(key), channel, citizen);
  }

  @Test
  void theSameServiceWithinTheRadiusJoinsAndARetryCountsOnce() {
    Incident first = report("pothole", 36.5200, "k-phone", Channel.PHONE, Optional.empty()).incident();
    clock.set(T0.plus(Duration.ofHours(2)));
    Open311Desk.Submission second = report("pothole", 36.5200 + 0.00018, "k-web", Channel.OPEN311, Optional.of("c-9"));
    assertEquals(Open311Desk.Outcome.JOINED, second.outcome(), "20 m away");
    assertEquals(first.incidentId(), second.incident().incidentId());
    Open311Desk.Submission retried = report("pothole", 36.5200 + 0.00018, "k-web", Channel.OPEN311, Optional.of("c-9"));
    assertEquals(Open311Desk.Outcome.JOINED, retried.outcome());

    WorkOrder order = incidents.get(first.incidentId()).workOrder();
    assertEquals(2, order.reportCount(), "the retry under the same key is not counted again");
    assertEquals(List.of(Channel.PHONE, Channel.OPEN311), order.reporters().stream().map(Reporter::channel).toList());
    assertEquals("c-9", order.reporters().get(1).citizen());
    assertTrue(incidents.contacts.containsKey(order.reporters().get(1).reporterId()), "the joining reporter's contact is kept");
    assertEquals(1, incidents.incidents.size(), "no second work order");
  }

  @Test
  void anotherServiceAFartherReportOrAnOlderOrderOpensANewWorkOrder() {
    Incident first = report("pothole", 36.5200, "k-1", Channel.OPEN311, Optional.empty()).incident();
    assertEquals(Open311Desk.Outcome.CREATED, report("streetlight", 36.5200, "k-2", Channel.OPEN311, Optional.empty()).outcome());
    assertEquals(Open311Desk.Outcome.CREATED, report("pothole", 36.5200 + 0.0004, "k-3", Channel.OPEN311, Optional.empty())
        .outcome(), "about 45 m away");
    clock.set(T0.plus(Duration.ofHours(73)));
    Open311Desk.Submission late = report("pothole", 36.5200, "k-4", Channel.OPEN311, Optional.empty());
    assertEquals(Open311Desk.Outcome.CREATED, late.outcome(), "reported more than 72 h after the first");
    assertEquals(1, incidents.get(first.incidentId()).workOrder().reportCount());
  }

  @Test
  void anEmergencyNeverJoins() {
    report("medical", 36.5200, "k-1", Channel.OPEN311, Optional.of("c-1"));
    assertEquals(Open311Desk.Outcome.CREATED, report("medical", 36.5200, "k-2", Channel.OPEN311, Optional.of("c-2")).outcome());
  }

  @Test
  void aClosedWorkOrderIsNotJoined() {
    Incident first = report("pothole", 36.5200, "k-1", Channel.OPEN311, Optional.empty()).incident();
    Incident stored = incidents.get(first.incidentId());
    incidents.replace(stored, stored.resolvedByDepartment("ops-1", "filled", at(T0.plusSeconds(60))));
    assertEquals(Open311Desk.Outcome.CREATED, report("pothole", 36.5200, "k-2", Channel.OPEN311, Optional.empty()).outcome());
  }

  @Test
  void theMatchIsTheNearestOpenOrderOfTheService() {
    GeoPoint here = new GeoPoint(36.52, 118.50);
    Incident near = order("R-near", new GeoPoint(36.52 + 0.0001, 118.50));
    Incident nearer = order("R-nearer", new GeoPoint(36.52 + 0.00005, 118.50));
    assertEquals(Optional.of(nearer), Duplicates.match(List.of(near, nearer), "pothole", here, at(T0), hotline));
    assertEquals(Optional.empty(), Duplicates.match(List.of(near, nearer), "pothole", null, at(T0), hotline),
        "an address-only report matches nothing");
  }

  private Incident order(String id, GeoPoint where) {
    Report report = new Report(IncidentSource.OPEN311, "pothole", "pothole", null, "municipal", where, false, null, null,
        null, at(T0), "f");
    return Incident.reported(id, report, null, 4, null).asWorkOrder(WorkOrder.opened(Channel.OPEN311, "municipal",
        "pothole", hotline.deadlinesOf("pothole", "municipal"), at(T0), List.of()));
  }
}
