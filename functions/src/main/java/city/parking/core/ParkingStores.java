package city.parking.core;

/** The parking table seen through each store interface. */
public record ParkingStores(SpaceStore spaces, SessionStore sessions, PlateReadStore plateReads, IdempotencyStore keys,
    PaymentIntentStore intents) {}
