package city.dispatch.core;

import java.util.List;

/** The notifications a signed-in citizen was sent, as {@code GET /citizen/notifications} lists them. */
public interface CitizenInbox {
  /** Newest first. */
  List<CitizenNotifier.Notification> of(String citizen);
}
