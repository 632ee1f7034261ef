package city.parking.api;

import city.parking.core.EnforcementNote;
import city.parking.core.EnforcementNotes;
import city.parking.core.ParkingLayout;
import city.platform.BusEvent;
import city.platform.City;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.Optional;

/**
 * Target of the city bus rule {@code parking_enforcement_notes}: the warden's job for an overstay closed, so its
 * session gets the enforcement note ops read. A malformed event fails the invocation (a dead letter after the retries).
 */
public final class EnforcementNoteHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final ParkingLayout layout;
  private final EnforcementNotes notes;

  public EnforcementNoteHandler() {
    this(City.current(), Wiring.enforcementNotesFromEnvironment());
  }

  public EnforcementNoteHandler(City city, EnforcementNotes notes) {
    this.layout = ParkingLayout.of(city);
    this.notes = notes;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Optional<EnforcementNote> note = EnforcementNote.of(BusEvent.delivered(event), layout);
    note.ifPresent(notes::put);
    return note.<Map<String, Object>>map(n -> Map.of("sessionId", n.sessionId(), "incidentId", n.incidentId()))
        .orElse(Map.of("ignored", "not a parking enforcement incident"));
  }
}
