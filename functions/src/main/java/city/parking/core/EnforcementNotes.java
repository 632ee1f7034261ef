package city.parking.core;

import java.util.List;

/** Enforcement notes, one per session, kept apart from the session so that billing's writes never race them. */
public interface EnforcementNotes {
  /** Idempotent: the same note again rewrites the same item. */
  void put(EnforcementNote note);

  /** The notes on the space's sessions. */
  List<EnforcementNote> ofSpace(String zone, String spaceId);
}
