package city.parking.core;

import city.parking.core.session.Payment;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import city.parking.core.session.SessionId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A session store that passes every call on: tests override the one call where something happens meanwhile. */
public class DelegatingSessionStore implements SessionStore {
  private final SessionStore sessions;

  public DelegatingSessionStore(SessionStore sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean put(Session session) {
    return sessions.put(session);
  }

  @Override
  public boolean hold(Session session, long version, Instant until) {
    return sessions.hold(session, version, until);
  }

  @Override
  public void release(Session session, long version) {
    sessions.release(session, version);
  }

  @Override
  public Optional<Session> get(String zone, SessionId id) {
    return sessions.get(zone, id);
  }

  @Override
  public List<Session> ofSpace(String zone, String spaceId, LocalDate from, LocalDate to) {
    return sessions.ofSpace(zone, spaceId, from, to);
  }

  @Override
  public List<Session> ofZoneDay(String zone, LocalDate day) {
    return sessions.ofZoneDay(zone, day);
  }

  @Override
  public boolean offerPlate(String zone, SessionId id, PlateCandidate read) {
    return sessions.offerPlate(zone, id, read);
  }

  @Override
  public Optional<Session> pay(String zone, SessionId id, Payment payment) {
    return sessions.pay(zone, id, payment);
  }

  @Override
  public void note(String zone, SessionId id, String note) {
    sessions.note(zone, id, note);
  }

  @Override
  public boolean markArrears(Session session) {
    return sessions.markArrears(session);
  }

  @Override
  public List<Session> arrears() {
    return sessions.arrears();
  }

  @Override
  public Optional<LocalDate> arrearsCheckedUntil(String zone) {
    return sessions.arrearsCheckedUntil(zone);
  }

  @Override
  public void arrearsChecked(String zone, LocalDate day) {
    sessions.arrearsChecked(zone, day);
  }
}
