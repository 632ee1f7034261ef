package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.BusEvent;
import city.platform.InvalidInput;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Closure, the citizen's rating (once, by a reporter only, when closed) and reopening within the window. */
class HotlineTest {
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MutableClock clock = new MutableClock(T0);
  private final DispatchSettings settings = Fixtures.settings(Duration.ofSeconds(90));
  private final HotlineSettings hotlineSettings = HotlineSettings.defaults(settings);
  private final Dispatcher dispatcher = new Dispatcher(settings, incidents, new MemoryUnitStore(),
      new RecordingPublisher(), clock);
  private final Open311Desk desk = new Open311Desk(settings, hotlineSettings, incidents, dispatcher, clock);
  private final List<BusEvent> bus = new CopyOnWriteArrayList<>();
  private final List<CitizenNotifier.Notification> sent = new CopyOnWriteArrayList<>();
  private final Hotline hotline = new Hotline(settings, hotlineSettings, incidents, desk, dispatcher,
      new IncidentEvents(bus::add), new ReporterNotices(hotlineSettings, sent::add), clock);

  private final AckProcessor acks = new AckProcessor(settings, incidents, new MemorySensorStore(), dispatcher,
      new IncidentEvents(bus::add), new ReporterNotices(hotlineSettings, sent::add));

  private String filedBy(String citizen) {
    return filedBy(citizen, "36.52");
  }

  private String filedBy(String citizen, String lat) {
    ServiceRequest request = ServiceRequest.parse(Map.of("service_code", "pothole", "lat", lat, "long", "118.50"),
        settings);
    return desk.submit(request, Optional.empty(), Channel.OPEN311, Optional.of(citizen)).incident().incidentId();
  }

  private static Hotline.Feedback feedback(String rating, String reopen) {
    return Hotline.Feedback.parse(Map.of("rating", rating, "reopen", reopen));
  }

  @Test
  void aReporterIsToldOnceWhenACrewAcceptsAfterTheIntake() {
    String id = filedBy("c-1");
    assertEquals(List.of(), sent, "the referral is the intake handler's; no crew yet");
    Incident queued = incidents.get(id);
    assertTrue(incidents.replace(queued, queued.assigned("U9", "claim-1", 0.4, Fixtures.at(T0))));

    acks.apply(new UnitAck("U9", id, AckAction.ACCEPT, T0.plusSeconds(30)));
    acks.apply(new UnitAck("U9", id, AckAction.ACCEPT, T0.plusSeconds(31)));

    assertEquals(List.of(ReporterNotices.DISPATCHED, ReporterNotices.DISPATCHED),
        sent.stream().map(n -> n.event()).toList(), "a retried accept notifies again under the same id");
    assertEquals(1, sent.stream().map(CitizenNotifier.Notification::notificationId).distinct().count());
    assertEquals("c-1", sent.get(0).citizen());
    assertTrue(!sent.get(0).text().contains("U9"), "the crew is never named: " + sent.get(0).text());
  }

  @Test
  void onlyAReporterRatesAClosedWorkOrderAndOnlyOnce() {
    String id = filedBy("c-1");
    assertEquals(Hotline.Outcome.CONFLICT, hotline.feedback(id, feedback("4", "false"), Optional.of("c-1"), "citizen").outcome(),
        "not closed");
    assertEquals(Hotline.Outcome.DONE, hotline.resolve(id, "ops-1", "filled").outcome());
    assertEquals(Hotline.Outcome.ALREADY, hotline.resolve(id, "ops-1", "filled").outcome(), "a retried resolve");
    assertEquals(Hotline.Outcome.CONFLICT, hotline.resolve(id, "ops-1", "something else").outcome());
    assertEquals(List.of(id + "/closed", id + "/closed"), bus.stream().filter(e -> e.detailType().equals(IncidentEvents.CLOSED))
        .map(e -> e.detail().path("eventId").asText()).toList(), "the retried resolve publishes again, under the same id");
    assertEquals(List.of(ReporterNotices.CLOSED, ReporterNotices.CLOSED), sent.stream().map(n -> n.event()).toList(),
        "the retried resolve notifies again under the same id, which the provider refuses");
    assertEquals(1, sent.stream().map(CitizenNotifier.Notification::notificationId).distinct().count());
    assertTrue(sent.get(0).text().contains("filled") && !sent.get(0).text().contains("P1"), sent.get(0).text());

    assertEquals(Hotline.Outcome.FORBIDDEN, hotline.feedback(id, feedback("4", "false"), Optional.of("c-2"), "citizen").outcome());
    assertEquals(Hotline.Outcome.DONE, hotline.feedback(id, feedback("4", "false"), Optional.of("c-1"), "citizen").outcome());
    assertEquals(Hotline.Outcome.ALREADY, hotline.feedback(id, feedback("4", "false"), Optional.of("c-1"), "citizen").outcome());
    assertEquals(Hotline.Outcome.CONFLICT, hotline.feedback(id, feedback("1", "false"), Optional.of("c-1"), "citizen").outcome());
    assertEquals(4, incidents.get(id).workOrder().rating());
    assertEquals(IncidentStatus.CLOSED, incidents.get(id).status());
  }

  @Test
  void reopeningWithinTheWindowGivesFreshDeadlinesLaterIsRefusedWithTheReason() {
    String id = filedBy("c-1");
    hotline.resolve(id, "ops-1", "filled");
    clock.set(T0.plus(Duration.ofDays(2)));
    Hotline.Result reopened = hotline.feedback(id, feedback("2", "true"), Optional.of("c-1"), "citizen");
    assertEquals(Hotline.Outcome.DONE, reopened.outcome());
    Incident open = incidents.get(id);
    assertEquals(IncidentStatus.QUEUED, open.status());
    assertEquals(1, open.workOrder().reopenCount());
    assertEquals(settings.at(clock.instant()).plus(hotlineSettings.deadlinesOf("pothole", "municipal").resolveWithin()),
        open.workOrder().resolveBy());

    String late = filedBy("c-3", "36.53");
    hotline.resolve(late, "ops-1", "filled");
    clock.set(clock.instant().plus(Duration.ofDays(8)));
    Hotline.Result refused = hotline.feedback(late, feedback("1", "true"), Optional.empty(), "ops-2");
    assertEquals(Hotline.Outcome.CONFLICT, refused.outcome());
    assertTrue(refused.reason().contains("within 7 days"), refused.reason());
    assertEquals(null, incidents.get(late).workOrder().rating(), "nothing written");
  }

  @Test
  void aRatingIsAWholeNumberFromOneToFive() {
    assertThrows(InvalidInput.class, () -> feedback("0", "false"));
    assertThrows(InvalidInput.class, () -> feedback("six", "false"));
    assertThrows(InvalidInput.class, () -> feedback("3", "maybe"));
    assertEquals(new Hotline.Feedback(5, null, false), Hotline.Feedback.parse(Map.of("rating", "5")));
  }

  @Test
  void aCallTakersIntakeNamesTheCallTakerAsTheActorOfItsSteps() {
    Map<String, String> call = Map.of("service_code", "pothole", "lat", "36.52", "long", "118.50", "phone", "13800000000",
        "name", "Wang");
    Incident taken = hotline.intake(call, Optional.empty(), "ct-wang").incident();
    HistoryEntry first = incidents.get(taken.incidentId()).history().get(0);
    assertEquals("reported", first.event());
    assertEquals("ct-wang", first.actor(), "the call-taker entered it, not the platform");

    Map<String, String> sameHoleAgain = Map.of("service_code", "pothole", "lat", "36.52009", "long", "118.50");
    Open311Desk.Submission joined = hotline.intake(sameHoleAgain, Optional.empty(), "ct-li");
    assertEquals(Open311Desk.Outcome.JOINED, joined.outcome());
    List<HistoryEntry> history = incidents.get(taken.incidentId()).history();
    assertEquals("duplicate-joined", history.get(history.size() - 1).event());
    assertEquals("ct-li", history.get(history.size() - 1).actor());

    String online = filedBy("c-1", "36.60");
    assertEquals(HistoryEntry.PLATFORM, incidents.get(online).history().get(0).actor(), "an Open311 report as before");
  }

  @Test
  void eachClosureOfAReopenedWorkOrderHasItsOwnEventIdTheFirstKeepsItsOwn() {
    String id = filedBy("c-1");
    hotline.resolve(id, "ops-1", "filled");
    hotline.feedback(id, feedback("2", "true"), Optional.of("c-1"), "citizen");
    hotline.resolve(id, "ops-1", "filled again, properly");
    hotline.resolve(id, "ops-1", "filled again, properly");

    assertEquals(List.of(id + "/closed", id + "/closed/1", id + "/closed/1"), bus.stream()
        .filter(e -> e.detailType().equals(IncidentEvents.CLOSED)).map(e -> e.detail().path("eventId").asText()).toList(),
        "the retried second resolve repeats the second closure's id");
  }
}
