package city.parking.core;

import java.time.Instant;

/** A space closed by an incident, since the incident's report. */
public record Closure(String spaceId, String incidentId, Instant since) {}
