package city.local.auth;

import city.local.files.OwnerOnlyFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The twin's token key: random, one per data folder (kept in {@code jwt.key}; file and folder readable by the
 * owner only) so that tokens printed by {@code ./city token} keep working across restarts; in memory for tests.
 */
public final class SigningKey {
  public static final String FILE_NAME = "jwt.key";
  private static final int BYTES = 32;

  private SigningKey() {}

  public static byte[] random() {
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  public static byte[] forDataDir(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      OwnerOnlyFolder.ensure(dataDir);
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
      if (key.length < BYTES) {
        throw new IllegalStateException(file + " holds a key shorter than " + BYTES + " bytes: delete it to make a new one");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] encoded = (Base64.getEncoder().encodeToString(random()) + "\n").getBytes(StandardCharsets.US_ASCII);
    Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder's permissions apply
      }
      Files.write(temporary, encoded, StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.createLink(file, temporary);
      } catch (FileAlreadyExistsException another) {
        // a concurrent `./city token` or `./city up` made it first: use theirs
      } catch (UnsupportedOperationException noLinks) {
        Files.move(temporary, file);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
