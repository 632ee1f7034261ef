package city.dispatch.core;

import java.time.OffsetDateTime;

/**
 * How many alerts of one sensor were merged into an incident, and the device time of the newest. An alert
 * not newer than {@code lastAlertAt} is a redelivery or arrived out of order: it changes nothing.
 */
public record AlertTally(int count, OffsetDateTime lastAlertAt) {}
