package city.dispatch.core;

/** What a reporter may know of their request: where the incident is in its life, never which crew or who reported it. */
public final class Open311Status {
  private Open311Status() {}

  /** The spec's two states: open until the incident is closed. */
  public static String of(Incident incident) {
    return incident.status().active() ? "open" : "closed";
  }

  public static String notes(Incident incident) {
    String unit = "a " + incident.kind() + " unit";
    return switch (incident.status()) {
      case AWAITING_CONFIRMATION -> "Received: a call-taker is confirming this report before a unit is sent."
          + " In an emergency, also call the emergency number.";
      case QUEUED -> incident.escalations() > 0
          ? "Received: finding another " + incident.kind() + " unit."
          : "Received: waiting for the next free " + incident.kind() + " unit.";
      case ASSIGNED -> "Dispatched to " + unit + ".";
      case ACCEPTED -> "Accepted: " + unit + " is on its way.";
      case ON_SCENE -> "In progress: " + unit + " is on scene.";
      case CLOSED -> incident.wasRejected()
          ? "Closed: a call-taker could not confirm this report, so no unit was sent."
          : incident.workOrder() != null && incident.workOrder().resolution() != null
              ? "Resolved: " + incident.workOrder().resolution()
              : "Resolved.";
    };
  }
}
