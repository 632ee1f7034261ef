package city.dispatch.core;

import java.time.Instant;

/**
 * One line of the ledger of reported incidents, ordered by report time: what Open311 searches, ops lists of
 * closed incidents and the response-time statistics read.
 *
 * @param serviceCode the Open311 service of a citizen request; null for sensor alerts
 */
public record ReportedEntry(String incidentId, IncidentSource source, String serviceCode, Instant reportedAt) {}
