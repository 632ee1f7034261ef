package city.local.cost;

/**
 * A city's traffic in the units the city knows. Counts of devices, and what each sends a day; what
 * residents, citizens and operators ask a day.
 *
 * @param occupancyReadingsPerSpacePerDay geomagnetic sensor messages (arrivals, departures, heartbeats)
 * @param incidentsPerDay incidents dispatched to a unit (each acknowledged {@code acksPerIncident} times)
 * @param hotlineReportsPerDay 12345 reports filed through Open311
 * @param followUpsPerReport times a reporter looks a report up again
 * @param availabilityRequestsPerDay public parking availability lookups (the citizens' app)
 * @param citizenSessionRequestsPerDay citizens' session, receipt and payment requests
 * @param gbfsRequestsPerDay GBFS feed requests (journey planners and the app)
 * @param consoleHoursPerDay hours the command centre's console is open
 * @param consoleRequestsPerHour ops API requests the open console makes an hour (shared by the ops APIs of the
 *     domains in use)
 */
public record Workload(
    long parkingSpaces,
    double occupancyReadingsPerSpacePerDay,
    long plateCameras,
    double plateReadsPerCameraPerDay,
    long safetySensors,
    double alertsPerSensorPerDay,
    long responseUnits,
    double unitReportsPerUnitPerDay,
    double incidentsPerDay,
    double hotlineReportsPerDay,
    double followUpsPerReport,
    long bikeStations,
    double dockReportsPerStationPerDay,
    long trucks,
    double truckReportsPerTruckPerDay,
    double availabilityRequestsPerDay,
    double citizenSessionRequestsPerDay,
    double gbfsRequestsPerDay,
    double consoleHoursPerDay,
    double consoleRequestsPerHour) {

  /** No device and no user: nothing but the schedules runs (the idle scenario). */
  public boolean quiet() {
    return parkingSpaces == 0 && plateCameras == 0 && safetySensors == 0 && responseUnits == 0 && incidentsPerDay == 0
        && hotlineReportsPerDay == 0 && bikeStations == 0 && trucks == 0 && availabilityRequestsPerDay == 0
        && citizenSessionRequestsPerDay == 0 && gbfsRequestsPerDay == 0 && consoleHoursPerDay == 0;
  }

  /** The same rates with the device counts of a city file. */
  public Workload withDevices(long spaces, long cameras, long sensors, long units, long stations, long truckCount) {
    return new Workload(spaces, occupancyReadingsPerSpacePerDay, cameras, plateReadsPerCameraPerDay, sensors,
        alertsPerSensorPerDay, units, unitReportsPerUnitPerDay, incidentsPerDay, hotlineReportsPerDay, followUpsPerReport,
        stations, dockReportsPerStationPerDay, truckCount, truckReportsPerTruckPerDay, availabilityRequestsPerDay,
        citizenSessionRequestsPerDay, gbfsRequestsPerDay, consoleHoursPerDay, consoleRequestsPerHour);
  }

  /** Parking scaled to {@code spaces}: cameras and the citizens' parking requests in proportion (the size plot). */
  public Workload withParkingSpaces(long spaces) {
    double factor = parkingSpaces == 0 ? 0 : (double) spaces / parkingSpaces;
    return new Workload(spaces, occupancyReadingsPerSpacePerDay, Math.round(plateCameras * factor),
        plateReadsPerCameraPerDay, safetySensors, alertsPerSensorPerDay, responseUnits, unitReportsPerUnitPerDay,
        incidentsPerDay, hotlineReportsPerDay, followUpsPerReport, bikeStations, dockReportsPerStationPerDay, trucks,
        truckReportsPerTruckPerDay, availabilityRequestsPerDay * factor, citizenSessionRequestsPerDay * factor,
        gbfsRequestsPerDay, consoleHoursPerDay, consoleRequestsPerHour);
  }
}
