package city.platform;

/**
 * Input that can never succeed, whoever retries it. HTTP answers it with 400 and the reason; a device
 * message gets a dead-letter record with the reason instead of a retry. The message is shown to the
 * sender, so it must never carry internals.
 */
public class InvalidInput extends RuntimeException {
  public InvalidInput(String reason) {
    super(reason, null, false, false);
  }
}
