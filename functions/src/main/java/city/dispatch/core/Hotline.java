package city.dispatch.core;

import city.platform.InvalidInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The 12345 hotline's steps on a work order after intake: a call-taker's intake by phone, the department's closure
 * with its resolution note, and the citizen's rating (回访), which may reopen it within {@code reopenWithinDays}.
 * Each step is one conditional write of the incident, retried on a concurrent change; repeating a step that was
 * made answers {@link Outcome#ALREADY}.
 */
public final class Hotline {
  private static final int RETRIES = 8;
  static final int MAX_NOTE = 1000;
  /** The actor of a rating given by the citizen through Open311. */
  public static final String CITIZEN = "citizen";

  private final DispatchSettings settings;
  private final HotlineSettings hotline;
  private final IncidentStore incidents;
  private final Open311Desk desk;
  private final Dispatcher dispatcher;
  private final IncidentEvents events;
  private final ReporterNotices notices;
  private final Clock clock;

  public Hotline(DispatchSettings settings, HotlineSettings hotline, IncidentStore incidents, Open311Desk desk,
      Dispatcher dispatcher, IncidentEvents events, ReporterNotices notices, Clock clock) {
    this.settings = settings;
    this.hotline = hotline;
    this.incidents = incidents;
    this.desk = desk;
    this.dispatcher = dispatcher;
    this.events = events;
    this.notices = notices;
    this.clock = clock;
  }

  public enum Outcome { DONE, ALREADY, NOT_FOUND, FORBIDDEN, CONFLICT }

  /** @param reason why it was refused (FORBIDDEN, CONFLICT); null otherwise */
  public record Result(Outcome outcome, Incident incident, String reason) {
    static Result of(Outcome outcome, Incident incident) {
      return new Result(outcome, incident, null);
    }
  }

  /**
   * A rating as the citizen (or the call-taker on the phone) gives it.
   *
   * @param rating 1 to 5
   * @param reopen the citizen is not satisfied and wants it worked again
   */
  public record Feedback(int rating, String comment, boolean reopen) {
    /** Fields of a form or a flat JSON body: {@code rating}, {@code comment}, {@code reopen} (true|false). */
    public static Feedback parse(Map<String, String> fields) {
      String text = fields.get("rating");
      int rating;
      try {
        rating = Integer.parseInt(text == null ? "" : text.trim());
      } catch (NumberFormatException e) {
        throw new InvalidInput("rating must be a whole number from 1 to 5");
      }
      if (rating < 1 || rating > 5) {
        throw new InvalidInput("rating must be a whole number from 1 to 5");
      }
      String comment = fields.get("comment");
      if (comment != null && comment.length() > MAX_NOTE) {
        throw new InvalidInput("comment must be at most " + MAX_NOTE + " characters");
      }
      String reopen = fields.getOrDefault("reopen", "false").trim();
      if (!reopen.equals("true") && !reopen.equals("false")) {
        throw new InvalidInput("reopen must be true or false");
      }
      return new Feedback(rating, comment == null || comment.isBlank() ? null : comment.trim(), reopen.equals("true"));
    }
  }

  /**
   * A call to the hotline as the call-taker enters it: {@code service_code}, {@code lat}/{@code long} or
   * {@code address_string}, {@code description}, and the caller's {@code phone} and {@code name} (personal data, kept
   * in the contacts item only).
   *
   * @param callTaker the ops token's subject: the actor of the work order's first step
   */
  public Open311Desk.Submission intake(Map<String, String> fields, Optional<String> idempotencyKey, String callTaker) {
    Map<String, String> asOpen311 = new LinkedHashMap<>(fields);
    asOpen311.keySet().retainAll(List.of("service_code", "lat", "long", "address_string", "description", "phone"));
    Optional.ofNullable(fields.get("name")).ifPresent(name -> asOpen311.put("first_name", name));
    return desk.takeCall(ServiceRequest.parse(asOpen311, settings), idempotencyKey, callTaker);
  }

  /**
   * The command centre sends the unit it chose ({@link Dispatcher#assignChosen}): CONFLICT with the reason when that
   * unit cannot go (busy, of another kind) or the work order cannot take it (closed, accepted by its crew).
   */
  public Result assign(String workOrderId, String unitId, String officer) {
    if (incidents.find(workOrderId).filter(i -> i.workOrder() != null).isEmpty()) {
      return Result.of(Outcome.NOT_FOUND, null);
    }
    Dispatcher.Choice choice = dispatcher.assignChosen(workOrderId, unitId, officer);
    return choice.sent() ? Result.of(Outcome.DONE, choice.incident())
        : new Result(Outcome.CONFLICT, choice.incident(), choice.refusal());
  }

  /** The department closes the work order; a unit that held it is free again. */
  public Result resolve(String workOrderId, String officer, String note) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Optional<Incident> found = incidents.find(workOrderId).filter(i -> i.workOrder() != null);
      if (found.isEmpty()) {
        return Result.of(Outcome.NOT_FOUND, null);
      }
      Incident current = found.get();
      if (!current.status().active()) {
        if (note.equals(current.workOrder().resolution())) {
          // a retry: finish what a first attempt that died after its write may have left undone (same event id)
          events.closed(current, IncidentEvents.RESOLVED, current.milestones().closedAt());
          notices.closed(current, current.workOrder().closedAt());
          return Result.of(Outcome.ALREADY, current);
        }
        return new Result(Outcome.CONFLICT, current, "work order " + workOrderId + " is closed already");
      }
      if (current.status() == IncidentStatus.AWAITING_CONFIRMATION) {
        return new Result(Outcome.CONFLICT, current, "work order " + workOrderId + " awaits a call-taker's confirmation");
      }
      Incident next = current.resolvedByDepartment(officer, note, settings.at(clock.instant()));
      if (incidents.replace(current, next)) {
        Incident stored = next.atVersion(current.version() + 1);
        if (current.status().held()) {
          dispatcher.closed(stored);
        }
        events.closed(stored, IncidentEvents.RESOLVED, stored.milestones().closedAt());
        notices.closed(stored, stored.workOrder().closedAt());
        return Result.of(Outcome.DONE, stored);
      }
    }
    throw new IllegalStateException("work order " + workOrderId + " kept changing; retry");
  }

  /** The reporters' contacts with the reporter ids they belong to; null when there is no such work order. */
  public record Contacts(Incident incident, Map<String, ReporterContact> byReporter) {}

  /**
   * The contacts of every reporter, for the call-taker's phone follow-up. The read is recorded in the history (who,
   * when) before anything is read, so no contact is ever seen without a trace.
   */
  public Optional<Contacts> contacts(String workOrderId, String officer) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Optional<Incident> found = incidents.find(workOrderId).filter(i -> i.workOrder() != null);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Incident current = found.get();
      List<String> reporterIds = current.workOrder().reporters().stream().map(Reporter::reporterId).toList();
      Incident next = current.contactRead(officer, reporterIds.size(), settings.at(clock.instant()));
      if (incidents.replace(current, next)) {
        return Optional.of(new Contacts(next.atVersion(current.version() + 1), incidents.contacts(reporterIds)));
      }
    }
    throw new IllegalStateException("work order " + workOrderId + " kept changing; retry");
  }

  /**
   * The rating of a closed work order, once; {@code reopen} within the reopen window puts it back to open with fresh
   * deadlines and sends it to a unit again.
   *
   * @param citizen the token's subject when the citizen rates through Open311 (must be one of its reporters); empty
   *     for the call-taker's phone follow-up
   * @param actor who records it, for the history
   */
  public Result feedback(String workOrderId, Feedback feedback, Optional<String> citizen, String actor) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Optional<Incident> found = incidents.find(workOrderId).filter(i -> i.workOrder() != null);
      if (found.isEmpty()) {
        return Result.of(Outcome.NOT_FOUND, null);
      }
      Incident current = found.get();
      WorkOrder order = current.workOrder();
      if (citizen.isPresent() && order.reporters().stream().noneMatch(r -> citizen.get().equals(r.citizen()))) {
        return new Result(Outcome.FORBIDDEN, current, "only a citizen who reported this work order may rate it");
      }
      if (order.rating() != null) {
        boolean same = order.rating() == feedback.rating() && Objects.equals(order.ratingComment(), feedback.comment());
        return same ? Result.of(Outcome.ALREADY, current)
            : new Result(Outcome.CONFLICT, current, "work order " + workOrderId + " was rated already");
      }
      if (current.status().active()) {
        return new Result(Outcome.CONFLICT, current, "work order " + workOrderId + " is not closed yet");
      }
      OffsetDateTime now = settings.at(clock.instant());
      if (feedback.reopen() && now.isAfter(order.closedAt().plus(hotline.reopenWithin()))) {
        return new Result(Outcome.CONFLICT, current, "work order " + workOrderId + " was closed at " + order.closedAt()
            + ": it may be reopened within " + hotline.reopenWithin().toDays() + " days of closure only");
      }
      Incident next = current.rated(actor, feedback.rating(), feedback.comment(), now);
      if (feedback.reopen()) {
        next = next.reopened(actor, hotline.deadlinesOf(order.serviceCode(), current.kind()), now);
      }
      if (incidents.replace(current, next)) {
        Incident stored = next.atVersion(current.version() + 1);
        if (feedback.reopen()) {
          notices.reopened(stored, now);
          dispatcher.drain(stored.kind(), List.of(stored));
          return Result.of(Outcome.DONE, incidents.find(workOrderId).orElse(stored));
        }
        return Result.of(Outcome.DONE, stored);
      }
    }
    throw new IllegalStateException("work order " + workOrderId + " kept changing; retry");
  }
}
