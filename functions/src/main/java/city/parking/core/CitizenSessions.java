package city.parking.core;

import city.parking.core.session.PlateMatcher;
import city.parking.core.session.Session;
import city.platform.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A citizen's open and unpaid sessions, found only from the plates in their token: the plate index lists
 * the reads of each plate, each read leads to its session, and a session counts only if its winning plate is
 * the citizen's. Reads whose session is settled (paid, or nothing to pay) leave the index on the way, so the
 * list stays as short as the citizen's open business.
 */
public final class CitizenSessions {
  /** How far back unpaid sessions are looked for. */
  static final Duration HORIZON = Duration.ofDays(366);
  private static final int LONGEST_STAY_DAYS = 1;

  private final ParkingSettings settings;
  private final SpaceStore spaces;
  private final SessionStore sessions;
  private final PlateReadStore plateReads;
  private final SessionLookup lookup;

  public CitizenSessions(ParkingSettings settings, SpaceStore spaces, SessionStore sessions, PlateReadStore plateReads,
      SessionLookup lookup) {
    this.settings = settings;
    this.spaces = spaces;
    this.sessions = sessions;
    this.plateReads = plateReads;
    this.lookup = lookup;
  }

  public List<Session> openAndUnpaid(Caller caller, Instant now) {
    Map<String, Session> found = new LinkedHashMap<>();
    Map<String, Optional<SpaceHead>> heads = new HashMap<>();
    Map<String, List<Session>> near = new HashMap<>();
    for (String plate : caller.plates()) {
      for (PlateRead read : plateReads.ofPlate(plate, now.minus(HORIZON))) {
        Optional<ParkingLayout.Zone> zone = settings.layout().zoneOf(read.spaceId());
        if (zone.isEmpty()) {
          continue;
        }
        Optional<SpaceHead> head = heads.computeIfAbsent(read.spaceId(), id -> spaces.head(zone.get().zone(), id));
        if (head.isEmpty()) {
          continue;
        }
        boolean closed = head.get().fold().closedEnd().map(end -> !read.ts().isAfter(end)).orElse(false);
        if (!closed) {
          lookup.open(head.get())
              .filter(open -> !read.ts().isBefore(open.start().minus(settings.plateLead())))
              .filter(open -> open.plateNumber().equals(Optional.of(plate)))
              .ifPresent(open -> found.put(open.sessionId(), open));
          continue;
        }
        LocalDate day = read.ts().atZoneSameInstant(settings.timeZone()).toLocalDate();
        LocalDate leadDay = read.ts().plus(settings.plateLead()).atZoneSameInstant(settings.timeZone()).toLocalDate();
        List<Session> candidates = near.computeIfAbsent(read.spaceId() + "#" + day + "#" + leadDay,
            key -> sessions.ofSpace(zone.get().zone(), read.spaceId(), day.minusDays(LONGEST_STAY_DAYS), leadDay));
        Optional<Session> session = PlateMatcher.sessionFor(read.ts(), candidates, settings.plateLead());
        if (session.isEmpty()) {
          continue;
        }
        if (session.get().paid() || !session.get().billable()) {
          plateReads.settle(read);
        } else if (session.get().plateNumber().equals(Optional.of(plate))) {
          found.put(session.get().sessionId(), session.get());
        }
      }
    }
    List<Session> result = new ArrayList<>(found.values());
    result.sort(Comparator.comparing((Session s) -> s.start().toInstant()).reversed());
    return result;
  }
}
