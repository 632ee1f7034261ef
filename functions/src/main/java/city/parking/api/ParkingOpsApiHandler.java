package city.parking.api;

import city.parking.core.EnforcementNote;
import city.parking.core.EnforcementNotes;
import city.parking.core.OpsReports;
import city.parking.core.ParkingLayout;
import city.parking.core.ParkingSettings;
import city.parking.core.ParkingStores;
import city.parking.core.SessionLookup;
import city.parking.core.session.Session;
import city.platform.City;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.InputBounds;
import city.platform.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ops and enforcement (ops role, checked by the HTTP adapter for every /ops/ route): a space's sessions, the
 * arrears by plate, sessions without a plate, and a summary of revenue and payments.
 */
public final class ParkingOpsApiHandler extends HttpApiHandler {
  /** Each day of a period is one query per zone: the period is bounded. */
  static final Duration LONGEST_PERIOD = Duration.ofDays(93);
  static final Duration DEFAULT_PERIOD = Duration.ofDays(8);

  public ParkingOpsApiHandler() {
    this(City.current(), Wiring.storesFromEnvironment(), Wiring.enforcementNotesFromEnvironment(), Clock.systemUTC());
  }

  public ParkingOpsApiHandler(City city, ParkingStores stores, EnforcementNotes notes, Clock clock) {
    this(ParkingSettings.of(city), stores, notes, clock);
  }

  private ParkingOpsApiHandler(ParkingSettings settings, ParkingStores stores, EnforcementNotes notes, Clock clock) {
    this(settings, new OpsReports(settings, stores.spaces(), stores.sessions(),
        new SessionLookup(settings, stores.spaces(), stores.sessions())), notes, clock);
  }

  private ParkingOpsApiHandler(ParkingSettings settings, OpsReports reports, EnforcementNotes notes, Clock clock) {
    super(List.of(
        new Endpoint("GET /ops/parking/spaces/{spaceId}/sessions",
            request -> spaceSessions(settings, reports, notes, clock, request)),
        new Endpoint("GET /ops/parking/arrears", request -> arrears(settings, reports, clock)),
        new Endpoint("GET /ops/parking/unidentified", request -> {
          OpsReports.Period period = period(settings.timeZone(), clock, request);
          return HttpResponse.ok(new Listing(period.from(), period.to(),
              reports.unidentified(period).stream().map(OpsSessionView::of).toList()));
        }),
        new Endpoint("GET /ops/parking/summary", request ->
            HttpResponse.ok(reports.summary(period(settings.timeZone(), clock, request))))));
  }

  /** {@code nextSeq}: where a replacement sensor for the space starts counting (docs/parking.md). */
  record SpaceSessions(String spaceId, String zone, long nextSeq, Instant from, Instant to, List<OpsSessionView> sessions) {}

  record Listing(Instant from, Instant to, List<OpsSessionView> sessions) {}

  record PlateArrears(String plate, int count, long amountDue, List<OpsSessionView> sessions) {}

  record Arrears(long ageDays, Instant asOf, int count, long amountDue, List<PlateArrears> arrears) {}

  private static HttpResponse spaceSessions(ParkingSettings settings, OpsReports reports, EnforcementNotes notes,
      Clock clock, HttpRequest request) {
    String spaceId = request.pathParameter("spaceId");
    ParkingLayout.Zone zone = settings.layout().zoneOf(spaceId).orElseThrow(() -> HttpError.notFound("no space " + spaceId));
    OpsReports.Period period = period(settings.timeZone(), clock, request);
    Map<String, EnforcementNote> bySession = new java.util.HashMap<>();
    notes.ofSpace(zone.zone(), spaceId).forEach(note -> bySession.put(note.sessionId(), note));
    List<OpsSessionView> sessions = reports.spaceSessions(zone, spaceId, period).stream()
        .map(s -> OpsSessionView.of(s, bySession.get(s.sessionId()))).toList();
    return HttpResponse.ok(new SpaceSessions(spaceId, zone.zone(), reports.nextSeq(zone, spaceId), period.from(),
        period.to(), sessions));
  }

  private static HttpResponse arrears(ParkingSettings settings, OpsReports reports, Clock clock) {
    List<PlateArrears> groups = new ArrayList<>();
    int count = 0;
    long total = 0;
    for (Map.Entry<Optional<String>, List<Session>> entry : reports.arrears().entrySet()) {
      long due = entry.getValue().stream().mapToLong(Session::amountDue).sum();
      groups.add(new PlateArrears(entry.getKey().orElse(null), entry.getValue().size(), due,
          entry.getValue().stream().map(OpsSessionView::of).toList()));
      count += entry.getValue().size();
      total += due;
    }
    return HttpResponse.ok(new Arrears(settings.arrearsAge().toDays(), clock.instant(), count, total, groups));
  }

  /**
   * {@code from} and {@code to}: ISO-8601 with offset, or a local date (its start in the city's time zone).
   * Without them: the last week up to tomorrow.
   */
  static OpsReports.Period period(ZoneId cityZone, Clock clock, HttpRequest request) {
    Optional<Instant> to = request.query("to").map(text -> instant("to", text, cityZone));
    Optional<Instant> from = request.query("from").map(text -> instant("from", text, cityZone));
    Instant end = to.orElseGet(() -> from.map(f -> f.plus(DEFAULT_PERIOD)).orElse(clock.instant().plus(Duration.ofDays(1))));
    Instant start = from.orElse(end.minus(DEFAULT_PERIOD));
    if (!start.isBefore(end)) {
      throw new InvalidInput("from must be before to");
    }
    if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
      throw new InvalidInput("a period is at most " + LONGEST_PERIOD.toDays() + " days");
    }
    return new OpsReports.Period(start, end);
  }

  private static Instant instant(String name, String text, ZoneId cityZone) {
    try {
      return InputBounds.instant(name, text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(cityZone).toInstant()
          : OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInput(name + " must be ISO-8601 with offset (2026-11-28T09:00:00+08:00) or a date (2026-11-28)");
    }
  }
}
