package city.parking.core;

import city.parking.core.session.Session;
import city.parking.core.session.SessionId;
import city.platform.Caller;
import java.util.Optional;

/** Finds a session by id: a closed one in the session store, the open one in its space's head. */
public final class SessionLookup {
  private final ParkingSettings settings;
  private final SpaceStore spaces;
  private final SessionStore sessions;

  public SessionLookup(ParkingSettings settings, SpaceStore spaces, SessionStore sessions) {
    this.settings = settings;
    this.spaces = spaces;
    this.sessions = sessions;
  }

  public Optional<Session> find(String sessionId) {
    Optional<SessionId> id = SessionId.parse(sessionId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<ParkingLayout.Zone> zone = settings.layout().zoneOf(id.get().spaceId());
    if (zone.isEmpty()) {
      return Optional.empty();
    }
    Optional<Session> closed = sessions.get(zone.get().zone(), id.get());
    if (closed.isPresent()) {
      return closed;
    }
    return spaces.head(zone.get().zone(), id.get().spaceId()).flatMap(head -> open(head))
        .filter(open -> open.id().equals(id.get()));
  }

  /**
   * The session if the caller's token carries its plate. Anyone else learns nothing, not even that it
   * exists: the answer is the same as for an id that was never issued.
   */
  public Optional<Session> owned(Caller caller, String sessionId) {
    return find(sessionId).filter(session -> session.plateNumber().map(caller.plates()::contains).orElse(false));
  }

  public Optional<Session> open(SpaceHead head) {
    return head.fold().open().map(open -> Session.open(head.spaceId(), head.zone(), open,
        head.fold().openPlate(settings.rules(head.zone())), settings.timeZone()));
  }
}
