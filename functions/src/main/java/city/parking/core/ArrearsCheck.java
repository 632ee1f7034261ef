package city.parking.core;

import city.parking.core.session.Session;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Lists unpaid sessions once their local day is older than the arrears age: each zone's days are checked
 * once, in order, and the last day checked is remembered, so a run reads only the days that became old.
 */
public final class ArrearsCheck {
  /** Where a zone never checked before starts. */
  private static final int FIRST_LOOK_BACK_DAYS = 31;

  private final ParkingSettings settings;
  private final SessionStore sessions;
  private final SessionBook book;

  public ArrearsCheck(ParkingSettings settings, SessionStore sessions, SessionBook book) {
    this.settings = settings;
    this.sessions = sessions;
    this.book = book;
  }

  /** @return how many sessions were listed */
  public int check(Instant now) {
    LocalDate lastOldDay = book.arrearsCutoff(now).minusDays(1);
    int listed = 0;
    for (ParkingLayout.Zone zone : settings.layout().zones()) {
      LocalDate day = sessions.arrearsCheckedUntil(zone.zone())
          .map(d -> d.plusDays(1))
          .orElse(lastOldDay.minusDays(FIRST_LOOK_BACK_DAYS));
      for (; !day.isAfter(lastOldDay); day = day.plusDays(1)) {
        for (Session session : sessions.ofZoneDay(zone.zone(), day)) {
          if (!session.arrears() && book.inArrears(session, now) && sessions.markArrears(session)) {
            listed++;
          }
        }
        sessions.arrearsChecked(zone.zone(), day);
      }
    }
    return listed;
  }
}
