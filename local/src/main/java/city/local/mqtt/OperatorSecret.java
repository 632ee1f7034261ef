package city.local.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password of the twin's MQTT operator ({@link ThingPolicy#OPERATOR}): derived from the data folder's key,
 * so it is as private as {@code jwt.key}, survives restarts, and needs no file of its own.
 */
public final class OperatorSecret {
  private OperatorSecret() {}

  public static String derive(byte[] twinKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(twinKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal("city twin mqtt operator".getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
