package city.platform;

import java.time.Instant;

/** A device message that was refused or whose handler failed after its retries, kept with the reason. */
public record DeadLetter(String topic, String deviceId, String reason, Instant receivedAt, String payload) {}
