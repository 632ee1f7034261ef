package city.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A key part derived from content (SHA-256 of its UTF-8 bytes, lower-case hex): the same message or request
 * always lands on the same item, so a retry is recognised by a conditional write.
 */
public final class KeyDigest {
  /** All of SHA-256. */
  public static final int FULL = 32;
  /** Enough that unrelated inputs do not meet, short enough for a key or an id a person reads. */
  public static final int SHORT = 12;

  private KeyDigest() {}

  /** The first {@code bytes} bytes of the digest, two hex digits each. */
  public static String hex(String text, int bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
