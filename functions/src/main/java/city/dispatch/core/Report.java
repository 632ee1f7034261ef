package city.dispatch.core;

import city.platform.GeoPoint;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was reported, fixed when the incident is created. No personal data: a reporter's contact details
 * live in a separate item that no read path touches.
 *
 * @param origin the sensor id of an alert, the service code of a citizen request
 * @param category the alert category (FIWARE Alert) or the service code
 * @param positionEstimated true when the reporter gave only an address: the position is the city centre
 * @param fingerprint digest of a citizen request's public fields, to tell a retry from a reused key
 * @param systemSource for an incident the city system opened: what it is about, {@code domain} first (e.g. the
 *     parking session and space of an overstay); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
    IncidentSource source,
    String origin,
    String category,
    String subCategory,
    String kind,
    GeoPoint position,
    boolean positionEstimated,
    String address,
    String description,
    String mediaUrl,
    OffsetDateTime reportedAt,
    String fingerprint,
    Map<String, String> systemSource) {

  public Report {
    systemSource = systemSource == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(systemSource));
  }

  /** A report of a sensor or a citizen. */
  public Report(IncidentSource source, String origin, String category, String subCategory, String kind,
      GeoPoint position, boolean positionEstimated, String address, String description, String mediaUrl,
      OffsetDateTime reportedAt, String fingerprint) {
    this(source, origin, category, subCategory, kind, position, positionEstimated, address, description, mediaUrl,
        reportedAt, fingerprint, null);
  }
}
