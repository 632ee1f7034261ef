package city.parking.core;

import city.parking.core.session.ClosedSession;
import city.parking.core.session.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Turns what the fold closed into stored sessions. */
public final class SessionBook {
  private final ParkingSettings settings;
  private final SessionStore sessions;

  public SessionBook(ParkingSettings settings, SessionStore sessions) {
    this.settings = settings;
    this.sessions = sessions;
  }

  public Session toSession(ClosedSession closed, String zone, long headVersion, Instant now) {
    Session session = Session.closed(closed, zone, settings.timeZone(), headVersion);
    return session.withArrears(inArrears(session, now));
  }

  /** Writes each session; one refused because it is paid or already newer is left as it is. */
  public void record(List<ClosedSession> closed, String zone, long headVersion, Instant now) {
    for (ClosedSession c : closed) {
      sessions.put(toSession(c, zone, headVersion, now));
    }
  }

  /**
   * In arrears: something to pay, unpaid, and started on a local date entirely older than the arrears age. A
   * session closed (or corrected) that late goes straight into the list; the others are listed by
   * {@link ArrearsCheck} once their day is old enough.
   */
  public boolean inArrears(Session session, Instant now) {
    return session.billable() && !session.paid() && session.id().startDate().isBefore(arrearsCutoff(now));
  }

  /** Sessions that started before this local date are old enough for the arrears list. */
  public LocalDate arrearsCutoff(Instant now) {
    return now.minus(settings.arrearsAge()).atZone(settings.timeZone()).toLocalDate();
  }
}
