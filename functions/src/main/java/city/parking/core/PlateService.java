package city.parking.core;

import city.parking.core.session.PlateCandidate;
import city.parking.core.session.PlateMatcher;
import city.parking.core.session.Session;
import city.parking.core.session.SessionFold;
import city.platform.InvalidInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Attaches a camera read to the session of its space at its time, whichever arrives first. A read at or
 * before the end of the space's last closed session goes straight to the closed session that holds it (if
 * it beats that session's plate); a later read waits in the head until its session closes, which picks the
 * best read of its window. Either way the highest confidence wins.
 */
public final class PlateService {
  private static final int ATTEMPTS = 25;
  /** A late read is matched against sessions that started up to this many days before its day. */
  private static final int LONGEST_STAY_DAYS = 1;

  public enum Outcome { ATTACHED, WAITING, NO_SESSION }

  private final ParkingSettings settings;
  private final SpaceStore spaces;
  private final SessionStore sessions;
  private final PlateReadStore plateReads;
  private final Clock clock;

  public PlateService(ParkingSettings settings, SpaceStore spaces, SessionStore sessions, PlateReadStore plateReads,
      Clock clock) {
    this.settings = settings;
    this.spaces = spaces;
    this.sessions = sessions;
    this.plateReads = plateReads;
    this.clock = clock;
  }

  public Outcome accept(PlateRead read) {
    if (!settings.cameraCovers(read.cameraId(), read.spaceId())) {
      throw new InvalidInput("camera " + read.cameraId() + " does not cover space " + read.spaceId());
    }
    String zone = settings.layout().zoneOf(read.spaceId())
        .orElseThrow(() -> new InvalidInput("space " + read.spaceId() + " belongs to no zone"))
        .zone();
    plateReads.keep(read);
    PlateCandidate candidate = read.candidate();
    SessionFold fold = new SessionFold(read.spaceId(), settings.rules(zone));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SpaceHead head = spaces.head(zone, read.spaceId()).orElse(SpaceHead.empty(zone, read.spaceId()));
      boolean sessionClosed = head.fold().closedEnd().map(end -> !read.ts().isAfter(end)).orElse(false);
      if (sessionClosed) {
        LocalDate day = read.ts().atZoneSameInstant(settings.timeZone()).toLocalDate();
        LocalDate leadDay = read.ts().plus(settings.plateLead()).atZoneSameInstant(settings.timeZone()).toLocalDate();
        List<Session> near = sessions.ofSpace(zone, read.spaceId(), day.minusDays(LONGEST_STAY_DAYS), leadDay);
        return PlateMatcher.sessionFor(read.ts(), near, settings.plateLead())
            .map(session -> {
              sessions.offerPlate(zone, session.id(), candidate);
              return Outcome.ATTACHED;
            })
            .orElse(Outcome.NO_SESSION);
      }
      // a new version even if the head keeps no more than before (the read may be older than the reads it
      // keeps): a fold that loaded the reads before this one was kept must fail its write and load again
      SpaceHead next = head.folded(fold.offer(head.fold(), candidate), List.of(), clock.instant()).nextVersion();
      if (spaces.putHead(next)) {
        return Outcome.WAITING;
      }
    }
    throw new IllegalStateException("space " + read.spaceId() + " changed under every one of " + ATTEMPTS + " attempts");
  }
}
