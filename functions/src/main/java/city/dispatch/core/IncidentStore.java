package city.dispatch.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents, each one item written whole under optimistic locking. Reads are strongly consistent except
 * {@link #active}, which comes from an index and may lag a moment behind.
 */
public interface IncidentStore {
  /**
   * Stores a new incident as version 1 unless one with its id exists, enters it in the ledger of reported
   * incidents and keeps the reporter's contact (if any) apart from it.
   *
   * @return false when an incident with this id already existed: nothing was changed
   */
  boolean create(Incident incident, Optional<ReporterContact> contact);

  /**
   * Keeps the contact of a reporter whose report joined an existing work order, under the id their own request would
   * have had; put-if-absent, so a retry never overwrites it.
   */
  void keepContact(String reporterId, ReporterContact contact, OffsetDateTime reportedAt);

  /**
   * The contacts kept under these reporter ids (those still kept: TTL deletes each after 180 days). Only the
   * call-taker's follow-up reads them, and records the read in the work order's history first.
   */
  Map<String, ReporterContact> contacts(Collection<String> reporterIds);

  Optional<Incident> find(String incidentId);

  /** Those that exist, in no particular order. */
  List<Incident> findAll(Collection<String> incidentIds);

  /**
   * Writes {@code next} as version {@code current.version() + 1} if the stored incident is still at
   * {@code current.version()}.
   *
   * @return false when someone else changed it meanwhile: read again and decide again
   */
  boolean replace(Incident current, Incident next);

  /** Incidents not yet closed, of one status and kind. */
  List<Incident> active(IncidentStatus status, String kind);

  /** Ledger lines of incidents reported from {@code from} (inclusive) to {@code to} (exclusive). */
  List<ReportedEntry> reported(Instant from, Instant to);
}
