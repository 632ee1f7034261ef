package city.dispatch.core;

import java.time.OffsetDateTime;

/**
 * What each reporter of a work order is told, and when: referral (on intake, or when their report joined), dispatch
 * (a crew accepted the work order, or had already when their report joined), closure and reopening. Each notice's id
 * is fixed (work order, event, reopening, reporter), so a retry or a second crew's accept tells nobody twice. The text names the department and the deadline, never the
 * crew or the unit.
 */
public final class ReporterNotices {
  public static final String REFERRED = "referred";
  public static final String DISPATCHED = "dispatched";
  public static final String CLOSED = "closed";
  public static final String REOPENED = "reopened";

  private final HotlineSettings hotline;
  private final CitizenNotifier notifier;

  public ReporterNotices(HotlineSettings hotline, CitizenNotifier notifier) {
    this.hotline = hotline;
    this.notifier = notifier;
  }

  /** The reporter whose report created or joined the work order; a dispatch at intake is told at once too. */
  public void received(Incident incident, String reporterId) {
    if (incident.workOrder() == null) {
      return;
    }
    incident.workOrder().reporters().stream().filter(r -> r.reporterId().equals(reporterId)).findFirst().ifPresent(r -> {
      send(incident, r, REFERRED, r.at());
      if (incident.status().held()) {
        send(incident, r, DISPATCHED, r.at());
      }
    });
  }

  /** A crew accepted the work order: every reporter is told. */
  public void dispatched(Incident incident, OffsetDateTime at) {
    everyReporter(incident, DISPATCHED, at);
  }

  public void closed(Incident incident, OffsetDateTime at) {
    everyReporter(incident, CLOSED, at);
  }

  public void reopened(Incident incident, OffsetDateTime at) {
    everyReporter(incident, REOPENED, at);
  }

  private void everyReporter(Incident incident, String event, OffsetDateTime at) {
    if (incident.workOrder() != null) {
      incident.workOrder().reporters().forEach(r -> send(incident, r, event, at));
    }
  }

  private void send(Incident incident, Reporter reporter, String event, OffsetDateTime at) {
    WorkOrder order = incident.workOrder();
    String id = incident.incidentId() + "/" + event + "/" + order.reopenCount() + "/" + reporter.reporterId();
    notifier.send(new CitizenNotifier.Notification(id, reporter.reporterId(), reporter.citizen(), incident.incidentId(),
        event, text(incident, event), at));
  }

  /** The message; the unit that works it is never named. */
  String text(Incident incident, String event) {
    WorkOrder order = incident.workOrder();
    String department = hotline.department(order.department()).map(Department::name).orElse(order.department());
    String which = "Your report " + incident.incidentId() + " (" + order.serviceCode() + ")";
    return switch (event) {
      case REFERRED -> which + " was referred to " + department + "; it is due to be resolved by "
          + order.resolveBy().toLocalDateTime().withNano(0) + ".";
      case DISPATCHED -> which + ": " + department + " has sent a field crew.";
      case CLOSED -> which + " was resolved" + (order.resolution() == null ? "" : ": " + order.resolution())
          + ". Please rate how it was handled.";
      case REOPENED -> which + " was reopened and is with " + department + " again; due by "
          + order.resolveBy().toLocalDateTime().withNano(0) + ".";
      default -> throw new IllegalArgumentException("unknown notice " + event);
    };
  }
}
