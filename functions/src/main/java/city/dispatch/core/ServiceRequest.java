package city.dispatch.core;

import city.platform.GeoPoint;
import city.platform.InvalidInput;
import city.platform.KeyDigest;
import java.util.Map;
import java.util.Optional;

/**
 * An Open311 GeoReport v2 service request as POSTed: a known service code and a location (lat and long, or an
 * address), optional description and photo link, and the reporter's optional contact (personal data).
 *
 * @param position null when only an address was given
 */
public record ServiceRequest(
    ServiceDefinition service,
    GeoPoint position,
    String address,
    String description,
    String mediaUrl,
    ReporterContact contact) {

  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_FIELD = 500;

  /** Fields as the spec names them, from a form or a JSON body; blank values count as absent. */
  public static ServiceRequest parse(Map<String, String> fields, DispatchSettings settings) {
    String code = optional(fields, "service_code").orElseThrow(() -> new InvalidInput("service_code is required"));
    ServiceDefinition service = settings.service(code)
        .orElseThrow(() -> new InvalidInput("service_code " + code + " is not a service of this city"));
    Optional<String> lat = optional(fields, "lat");
    Optional<String> lon = optional(fields, "long");
    if (lat.isPresent() != lon.isPresent()) {
      throw new InvalidInput("lat and long go together");
    }
    GeoPoint position = lat.isPresent() ? new GeoPoint(coordinate(lat.get(), "lat", 90), coordinate(lon.get(), "long", 180)) : null;
    String address = optional(fields, "address_string").or(() -> optional(fields, "address_id")).orElse(null);
    if (position == null && address == null) {
      throw new InvalidInput("a location is required: lat and long, or address_string");
    }
    String description = optional(fields, "description").orElse(null);
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new InvalidInput("description must be at most " + MAX_DESCRIPTION + " characters");
    }
    String mediaUrl = optional(fields, "media_url").orElse(null);
    if (mediaUrl != null && !mediaUrl.matches("(?i)https?://\\S+")) {
      throw new InvalidInput("media_url must be an http(s) URL");
    }
    ReporterContact contact = new ReporterContact(
        optional(fields, "email").orElse(null),
        optional(fields, "first_name").orElse(null),
        optional(fields, "last_name").orElse(null),
        optional(fields, "phone").orElse(null),
        optional(fields, "device_id").orElse(null),
        optional(fields, "account_id").orElse(null));
    return new ServiceRequest(service, position, address, description, mediaUrl, contact);
  }

  /** Digest of the public fields only: tells a retry from a different request under the same key. */
  public String fingerprint() {
    return KeyDigest.hex(String.join("\n", service.serviceCode(),
        position == null ? "" : position.lat() + "," + position.lon(),
        String.valueOf(address), String.valueOf(description), String.valueOf(mediaUrl)), KeyDigest.FULL);
  }

  private static Optional<String> optional(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.length() > MAX_FIELD && !name.equals("description")) {
      throw new InvalidInput(name + " must be at most " + MAX_FIELD + " characters");
    }
    return Optional.of(value.trim());
  }

  private static double coordinate(String text, String name, double limit) {
    try {
      double value = Double.parseDouble(text);
      if (value >= -limit && value <= limit) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the same refusal as an out-of-range number
    }
    throw new InvalidInput(name + " must be a number from -" + (int) limit + " to " + (int) limit);
  }
}
