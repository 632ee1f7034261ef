package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeyDigestTest {
  /** FIPS 180-2's example: SHA-256("abc"). */
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void theFullDigestIsSha256InLowerCaseHex() {
    assertEquals(ABC, KeyDigest.hex("abc", KeyDigest.FULL));
  }

  @Test
  void aShortDigestIsItsLeadingBytes() {
    assertEquals(ABC.substring(0, 2 * KeyDigest.SHORT), KeyDigest.hex("abc", KeyDigest.SHORT));
  }
}
