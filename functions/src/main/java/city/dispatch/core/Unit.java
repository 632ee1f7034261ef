package city.dispatch.core;

import city.platform.GeoPoint;

/** A response unit as the city file provisions it: its kind never changes, its home is where it starts. */
public record Unit(String unitId, String kind, String name, GeoPoint home) {}
