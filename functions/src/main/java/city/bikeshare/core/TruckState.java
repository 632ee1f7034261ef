package city.bikeshare.core;

import city.platform.GeoPoint;
import java.time.OffsetDateTime;

/** A truck's latest report as stored: where the next plan starts it, with what load. */
public record TruckState(String truckId, GeoPoint position, int load, OffsetDateTime reportedAt) {}
