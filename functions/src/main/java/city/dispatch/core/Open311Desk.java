package city.dispatch.core;

import city.platform.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Citizen reports through Open311 GeoReport v2: taking a request, and finding requests again. */
public final class Open311Desk {
  /** The spec lets a search return at most this many requests. */
  public static final int MAX_RESULTS = 1000;
  /** The spec's search window when no dates are given, and the longest one it allows. */
  private static final Duration SEARCH_WINDOW = Duration.ofDays(90);

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final Dispatcher dispatcher;
  private final Clock clock;

  public Open311Desk(DispatchSettings settings, IncidentStore incidents, Dispatcher dispatcher, Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public enum Outcome {
    CREATED,
    /** The Idempotency-Key named a request with the same content: the retry gets the first answer. */
    REPLAYED,
    /** The Idempotency-Key named a different request: refused. */
    KEY_REUSED
  }

  public record Submission(Incident incident, Outcome outcome) {}

  /**
   * The spec's search filters as the citizen gave them: no dates means the last 90 days, an end date alone
   * the 90 days before it; {@code statuses} holds "open" and/or "closed", none meaning both.
   */
  public record Search(List<String> requestIds, Set<String> serviceCodes, Optional<Instant> startDate,
      Optional<Instant> endDate, Set<String> statuses) {}

  /**
   * Creates the incident and dispatches it at once, so the answer can say whether a unit is on its way; an
   * anonymous report of the most urgent kind waits for a call-taker instead ({@link DispatchPolicy#needsConfirmation}).
   *
   * @param signedIn true when the HTTP API's authorizer verified a citizen's token for this request
   */
  public Submission submit(ServiceRequest request, Optional<String> idempotencyKey, boolean signedIn) {
    String incidentId = idempotencyKey.map(IncidentIds::forRequest).orElseGet(IncidentIds::newRequest);
    boolean estimated = request.position() == null;
    Report report = new Report(IncidentSource.OPEN311, request.service().serviceCode(), request.service().serviceCode(),
        null, request.service().kind(), estimated ? settings.cityCentre() : request.position(), estimated,
        request.address(), request.description(), request.mediaUrl(), settings.at(clock.instant()),
        request.fingerprint());
    Incident incident = Incident.reported(incidentId, report, null, request.service().priority(), null);
    if (DispatchPolicy.needsConfirmation(incident.priority(), signedIn, settings.confirmAnonymousUpToPriority())) {
      incident = incident.awaitingConfirmation(report.reportedAt());
    }
    Optional<ReporterContact> contact = Optional.of(request.contact()).filter(c -> !c.isEmpty());
    if (incidents.create(incident, contact)) {
      if (incident.status() == IncidentStatus.QUEUED) {
        dispatcher.drain(incident.kind(), List.of(incident));
      }
      return new Submission(incidents.find(incidentId).orElse(incident), Outcome.CREATED);
    }
    Incident existing = incidents.find(incidentId).orElseThrow();
    if (existing.report().source() != IncidentSource.OPEN311
        || !request.fingerprint().equals(existing.report().fingerprint())) {
      return new Submission(existing, Outcome.KEY_REUSED);
    }
    if (existing.status() == IncidentStatus.QUEUED) {
      // the first attempt may have died before dispatching
      dispatcher.drain(existing.kind(), List.of(existing));
      existing = incidents.find(incidentId).orElse(existing);
    }
    return new Submission(existing, Outcome.REPLAYED);
  }

  /** A citizen request by id; sensor incidents are not service requests and are not found here. */
  public Optional<Incident> request(String requestId) {
    return incidents.find(requestId).filter(i -> i.report().source() == IncidentSource.OPEN311);
  }

  /** Newest first. Ids, when given, override every other filter (as the spec says). */
  public List<Incident> search(Search search) {
    Instant to = search.endDate().orElse(clock.instant());
    Instant from = search.startDate().orElse(to.minus(SEARCH_WINDOW));
    if (!from.isBefore(to)) {
      throw new InvalidInput("start_date must be before end_date");
    }
    if (Duration.between(from, to).compareTo(SEARCH_WINDOW) > 0) {
      throw new InvalidInput("start_date and end_date may not span more than 90 days");
    }
    if (!Set.of("open", "closed").containsAll(search.statuses())) {
      throw new InvalidInput("status must be open or closed");
    }
    Optional<Boolean> open = search.statuses().size() == 1
        ? Optional.of(search.statuses().contains("open")) : Optional.empty();
    // end_date is inclusive in the spec; the store's range is not
    return find(search.requestIds(), search.serviceCodes(), from, to.plusNanos(1000), open);
  }

  /** {@code open} empty means open and closed alike. */
  private List<Incident> find(List<String> requestIds, Set<String> serviceCodes, Instant from, Instant to,
      Optional<Boolean> open) {
    Collection<Incident> found;
    if (!requestIds.isEmpty()) {
      found = incidents.findAll(requestIds);
    } else {
      List<String> ids = incidents.reported(from, to).stream()
          .filter(e -> e.source() == IncidentSource.OPEN311)
          .filter(e -> serviceCodes.isEmpty() || serviceCodes.contains(e.serviceCode()))
          .map(ReportedEntry::incidentId)
          .distinct()
          .toList();
      found = incidents.findAll(ids).stream()
          .filter(i -> !i.report().reportedAt().toInstant().isBefore(from)
              && i.report().reportedAt().toInstant().isBefore(to))
          .filter(i -> open.isEmpty() || open.get() == i.status().active())
          .toList();
    }
    return found.stream()
        .filter(i -> i.report().source() == IncidentSource.OPEN311)
        .sorted(Comparator.comparing((Incident i) -> i.report().reportedAt().toInstant()).reversed()
            .thenComparing(Incident::incidentId))
        .limit(MAX_RESULTS)
        .toList();
  }
}
