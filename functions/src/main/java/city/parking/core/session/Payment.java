package city.parking.core.session;

import java.time.Instant;

/** A settled payment of a session: the provider took exactly {@code amount} fen. */
public record Payment(String paymentId, long amount, Instant paidAt, String provider, String providerReference) {}
