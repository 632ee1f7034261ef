package city.parking.core;

import city.parking.core.session.PlateCandidate;
import city.platform.DeviceMessage;
import city.platform.InvalidInput;
import java.time.OffsetDateTime;

/** A plate camera read a plate at one of the spaces it covers, at device time {@code ts}. */
public record PlateRead(String cameraId, String spaceId, String plate, OffsetDateTime ts, double confidence) {
  /** Longest plate of the contract (new-energy plates have 8 characters); anything longer is not a plate. */
  static final int MAX_PLATE_LENGTH = 12;

  public static PlateRead extract(DeviceMessage message) {
    String plate = message.text("plate").trim();
    if (plate.length() > MAX_PLATE_LENGTH) {
      throw new InvalidInput("field plate must have at most " + MAX_PLATE_LENGTH + " characters");
    }
    return new PlateRead(
        message.deviceId(),
        message.text("spaceId"),
        plate,
        message.timestamp("ts"),
        message.number("confidence", 0, 1));
  }

  public PlateCandidate candidate() {
    return new PlateCandidate(plate, confidence, ts, cameraId);
  }
}
