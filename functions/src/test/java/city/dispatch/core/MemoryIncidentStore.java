package city.dispatch.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The incident store's contract in memory: put-if-absent, versioned replace, an index of active incidents. */
public final class MemoryIncidentStore implements IncidentStore {
  public final Map<String, Incident> incidents = new ConcurrentHashMap<>();
  public final Map<String, ReporterContact> contacts = new ConcurrentHashMap<>();
  final List<ReportedEntry> ledger = new ArrayList<>();

  @Override
  public synchronized boolean create(Incident incident, Optional<ReporterContact> contact) {
    contact.ifPresent(c -> contacts.putIfAbsent(incident.incidentId(), c));
    ledger.add(new ReportedEntry(incident.incidentId(), incident.report().source(),
        incident.report().source().citizenReport() ? incident.report().origin() : null,
        incident.report().reportedAt().toInstant()));
    return incidents.putIfAbsent(incident.incidentId(), incident.atVersion(1)) == null;
  }

  @Override
  public void keepContact(String reporterId, ReporterContact contact, OffsetDateTime reportedAt) {
    contacts.putIfAbsent(reporterId, contact);
  }

  @Override
  public Map<String, ReporterContact> contacts(Collection<String> reporterIds) {
    Map<String, ReporterContact> found = new HashMap<>();
    reporterIds.stream().filter(contacts::containsKey).forEach(id -> found.put(id, contacts.get(id)));
    return found;
  }

  @Override
  public Optional<Incident> find(String incidentId) {
    return Optional.ofNullable(incidents.get(incidentId));
  }

  @Override
  public List<Incident> findAll(Collection<String> incidentIds) {
    return incidentIds.stream().distinct().map(incidents::get).filter(i -> i != null).toList();
  }

  @Override
  public synchronized boolean replace(Incident current, Incident next) {
    Incident stored = incidents.get(current.incidentId());
    if (stored == null || stored.version() != current.version()) {
      return false;
    }
    incidents.put(current.incidentId(), next.atVersion(current.version() + 1));
    return true;
  }

  @Override
  public List<Incident> active(IncidentStatus status, String kind) {
    return incidents.values().stream()
        .filter(i -> i.status() == status && i.kind().equals(kind))
        .sorted(DispatchPolicy.QUEUE_ORDER)
        .toList();
  }

  @Override
  public synchronized List<ReportedEntry> reported(Instant from, Instant to) {
    return ledger.stream().filter(e -> !e.reportedAt().isBefore(from) && e.reportedAt().isBefore(to)).toList();
  }

  public Incident get(String incidentId) {
    return incidents.get(incidentId);
  }
}
