package city.dispatch.core;

import city.platform.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Citizen reports through Open311 GeoReport v2: taking a request, and finding requests again. */
public final class Open311Desk {
  /** The spec lets a search return at most this many requests. */
  public static final int MAX_RESULTS = 1000;
  private static final int RETRIES = 8;
  /** The spec's search window when no dates are given, and the longest one it allows. */
  private static final Duration SEARCH_WINDOW = Duration.ofDays(90);

  private final DispatchSettings settings;
  private final HotlineSettings hotline;
  private final IncidentStore incidents;
  private final Dispatcher dispatcher;
  private final Clock clock;

  public Open311Desk(DispatchSettings settings, IncidentStore incidents, Dispatcher dispatcher, Clock clock) {
    this(settings, HotlineSettings.defaults(settings), incidents, dispatcher, clock);
  }

  public Open311Desk(DispatchSettings settings, HotlineSettings hotline, IncidentStore incidents, Dispatcher dispatcher,
      Clock clock) {
    this.settings = settings;
    this.hotline = hotline;
    this.incidents = incidents;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public enum Outcome {
    CREATED,
    /** The Idempotency-Key named a request with the same content: the retry gets the first answer. */
    REPLAYED,
    /** The Idempotency-Key named a different request: refused. */
    KEY_REUSED,
    /** The same service was reported nearby and is still open: this report joined that work order. */
    JOINED
  }

  /** @param reporterId the id of this report's own request: the work order's id unless it joined another */
  public record Submission(Incident incident, Outcome outcome, String reporterId) {}

  /**
   * The spec's search filters as the citizen gave them: no dates means the last 90 days, an end date alone
   * the 90 days before it; {@code statuses} holds "open" and/or "closed", none meaning both.
   */
  public record Search(List<String> requestIds, Set<String> serviceCodes, Optional<Instant> startDate,
      Optional<Instant> endDate, Set<String> statuses) {}

  /**
   * Creates the work order and dispatches it at once, so the answer can say whether a unit is on its way (an
   * anonymous report of the most urgent kind waits for a call-taker instead: {@link DispatchPolicy#needsConfirmation});
   * or joins the open one of the same service nearby ({@link Duplicates}). A retry under the
   * same Idempotency-Key lands on the same request id, which a joined work order remembers, so it counts once.
   *
   * @param channel open311, or phone for a call-taker's intake (the call-taker vouches for it: never held for
   *     confirmation)
   * @param citizen the subject of the citizen token the report was filed with, who may rate the work order
   */
  public Submission submit(ServiceRequest request, Optional<String> idempotencyKey, Channel channel,
      Optional<String> citizen) {
    return submit(request, idempotencyKey, channel, citizen, Optional.empty());
  }

  /**
   * A call the call-taker enters (channel phone): as {@link #submit}, with the call-taker as the actor of the work
   * order's first step (or of its joining an open one).
   *
   * @param callTaker the ops token's subject
   */
  public Submission takeCall(ServiceRequest request, Optional<String> idempotencyKey, String callTaker) {
    return submit(request, idempotencyKey, Channel.PHONE, Optional.empty(), Optional.of(callTaker));
  }

  private Submission submit(ServiceRequest request, Optional<String> idempotencyKey, Channel channel,
      Optional<String> citizen, Optional<String> callTaker) {
    String incidentId = idempotencyKey.map(IncidentIds::forRequest).orElseGet(IncidentIds::newRequest);
    Optional<Incident> earlier = incidents.find(incidentId);
    if (earlier.isPresent()) {
      return replayed(earlier.get(), request);
    }
    OffsetDateTime now = settings.at(clock.instant());
    Optional<ReporterContact> contact = Optional.of(request.contact()).filter(c -> !c.isEmpty());
    Reporter reporter = new Reporter(incidentId, channel, citizen.orElse(null), now);
    Optional<Submission> joined = joinDuplicate(request, reporter, contact,
        callTaker.orElse(channel.wireName()));
    if (joined.isPresent()) {
      return joined.get();
    }
    boolean estimated = request.position() == null;
    IncidentSource source = channel == Channel.PHONE ? IncidentSource.PHONE : IncidentSource.OPEN311;
    Report report = new Report(source, request.service().serviceCode(), request.service().serviceCode(),
        null, request.service().kind(), estimated ? settings.cityCentre() : request.position(), estimated,
        request.address(), request.description(), request.mediaUrl(), now, request.fingerprint());
    String code = request.service().serviceCode();
    String kind = request.service().kind();
    Incident incident = Incident.reported(callTaker.orElse(HistoryEntry.PLATFORM), incidentId, report, null,
            request.service().priority(), null)
        .asWorkOrder(WorkOrder.opened(channel, hotline.departmentOf(code, kind), code, hotline.deadlinesOf(code, kind),
            now, List.of(reporter)));
    boolean vouched = citizen.isPresent() || channel == Channel.PHONE;
    if (DispatchPolicy.needsConfirmation(incident.priority(), vouched, settings.confirmAnonymousUpToPriority())) {
      incident = incident.awaitingConfirmation(report.reportedAt());
    }
    if (incidents.create(incident, contact)) {
      if (incident.status() == IncidentStatus.QUEUED) {
        dispatcher.drain(incident.kind(), List.of(incident));
      }
      return new Submission(incidents.find(incidentId).orElse(incident), Outcome.CREATED, incidentId);
    }
    return replayed(incidents.find(incidentId).orElseThrow(), request);
  }

  private Submission replayed(Incident existing, ServiceRequest request) {
    if (!existing.report().source().citizenReport() || !request.fingerprint().equals(existing.report().fingerprint())) {
      return new Submission(existing, Outcome.KEY_REUSED, existing.incidentId());
    }
    if (existing.status() == IncidentStatus.QUEUED) {
      // the first attempt may have died before dispatching
      dispatcher.drain(existing.kind(), List.of(existing));
      existing = incidents.find(existing.incidentId()).orElse(existing);
    }
    return new Submission(existing, Outcome.REPLAYED, existing.incidentId());
  }

  /** @param actor who the joining step names: the call-taker, or the report's channel */
  private Optional<Submission> joinDuplicate(ServiceRequest request, Reporter reporter,
      Optional<ReporterContact> contact, String actor) {
    if (!Duplicates.joinable(request.service())) {
      return Optional.empty();
    }
    String code = request.service().serviceCode();
    Instant now = reporter.at().toInstant();
    List<String> ids = incidents.reported(now.minus(hotline.duplicateWindow()), now.plusMillis(1)).stream()
        .filter(e -> code.equals(e.serviceCode()))
        .map(ReportedEntry::incidentId)
        .distinct()
        .toList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    Optional<Incident> match = Duplicates.match(incidents.findAll(ids), code, request.position(), reporter.at(), hotline);
    for (int attempt = 0; attempt < RETRIES && match.isPresent(); attempt++) {
      Incident current = match.get();
      if (current.workOrder().counted(reporter.reporterId())) {
        return Optional.of(new Submission(current, Outcome.JOINED, reporter.reporterId()));
      }
      Optional<Incident> next = current.joined(reporter, actor);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      contact.ifPresent(c -> incidents.keepContact(reporter.reporterId(), c, reporter.at()));
      if (incidents.replace(current, next.get())) {
        return Optional.of(new Submission(next.get().atVersion(current.version() + 1), Outcome.JOINED,
            reporter.reporterId()));
      }
      match = incidents.find(current.incidentId());
    }
    return Optional.empty();
  }

  /** A citizen request by id; sensor incidents are not service requests and are not found here. */
  public Optional<Incident> request(String requestId) {
    return incidents.find(requestId).filter(i -> i.report().source().citizenReport());
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
          .filter(e -> e.source().citizenReport())
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
        .filter(i -> i.report().source().citizenReport())
        .sorted(Comparator.comparing((Incident i) -> i.report().reportedAt().toInstant()).reversed()
            .thenComparing(Incident::incidentId))
        .limit(MAX_RESULTS)
        .toList();
  }
}
