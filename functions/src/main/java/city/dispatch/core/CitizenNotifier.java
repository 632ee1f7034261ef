package city.dispatch.core;

import java.time.OffsetDateTime;

/**
 * Tells a reporter how their work order goes: SMS or WeChat template messages in production, a kept inbox in the
 * twin ({@code GET /citizen/notifications}). Sending the same notification twice (same {@code notificationId}) is
 * a no-op, so a retried step never notifies twice.
 */
public interface CitizenNotifier {
  /** Sends nothing: for handlers built by tests that do not look at notifications. */
  CitizenNotifier DISCARD = notification -> { };

  /**
   * One message to one reporter. No personal data and never the crew: the recipient is the reporter's request id,
   * and the citizen token's subject when they filed it signed in.
   *
   * @param event referred, dispatched, closed, reopened
   */
  record Notification(String notificationId, String reporterId, String citizen, String workOrderId, String event,
      String text, OffsetDateTime at) {}

  void send(Notification notification);
}
