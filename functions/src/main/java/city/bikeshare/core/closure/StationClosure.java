package city.bikeshare.core.closure;

import java.time.Instant;

/** A station closed by an incident of {@code category}, since the incident's report. */
public record StationClosure(String stationId, String incidentId, String category, Instant since) {}
