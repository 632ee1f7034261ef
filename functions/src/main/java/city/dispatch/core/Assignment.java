package city.dispatch.core;

import java.time.OffsetDateTime;

/**
 * The unit an incident is (or, once closed, was) given to. {@code claimId} is the token the unit item
 * carries too: both items name the same claim exactly when the two-step claim completed.
 */
public record Assignment(String unitId, String claimId, OffsetDateTime assignedAt, double distanceKm) {}
