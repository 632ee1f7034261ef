package city.dispatch.core;

import city.platform.GeoPoint;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An incident the city system asks for (an event of another domain on the city bus), with the id it must have: the
 * id is derived from what it is about, so the same event delivered again lands on the same incident.
 *
 * @param origin who asked: the event's source (e.g. {@code city.parking})
 * @param source what it is about, {@code domain} first (e.g. a parking session and its space)
 */
public record SystemReport(String incidentId, String category, String origin, GeoPoint position, String description,
    OffsetDateTime reportedAt, Map<String, String> source) {}
