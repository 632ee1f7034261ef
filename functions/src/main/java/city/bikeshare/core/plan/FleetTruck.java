package city.bikeshare.core.plan;

import city.platform.GeoPoint;

/** A truck as the planner sees it: capacity from the city file, position and load from its last report. */
public record FleetTruck(String truckId, int capacity, GeoPoint position, int load) {}
