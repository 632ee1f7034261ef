package city.dispatch.core;

/**
 * A citizen's contact details from an Open311 request: personal data. Kept apart from the incident, never
 * returned by any endpoint, never logged, never sent to a unit.
 */
public record ReporterContact(String email, String firstName, String lastName, String phone, String deviceId,
    String accountId) {

  public boolean isEmpty() {
    return email == null && firstName == null && lastName == null && phone == null && deviceId == null
        && accountId == null;
  }

  /** Names the fields only: a record's default toString would put personal data into any log line. */
  @Override
  public String toString() {
    return "ReporterContact[personal data withheld]";
  }
}
