package city.local.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of the twin's state (the data folder, dynalite's LevelDB folder) that only its owner may enter:
 * created {@code rwx------}, or tightened to it when an earlier twin made it with the default umask, so other
 * users of the machine can read neither the token key nor a single item. Without POSIX permissions (Windows)
 * the folder is just created and the user profile's ACLs apply.
 */
public final class OwnerOnlyFolder {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFolder() {}

  public static Path ensure(Path folder) {
    try {
      if (!posix()) {
        return Files.createDirectories(folder);
      }
      if (Files.isDirectory(folder)) {
        Files.setPosixFilePermissions(folder, OWNER_ONLY);
        return folder;
      }
      Path parent = folder.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (FileAlreadyExistsException another) {
        // a concurrent `./city token` or `./city up` made it first: tighten theirs
      }
      // the umask may have taken bits away from the mode asked for, never added any: set it exactly
      Files.setPosixFilePermissions(folder, OWNER_ONLY);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder + " readable by its owner only", e);
    }
  }

  /**
   * Tightens a tree another library wrote with the default umask (the broker's scratch folder): folders
   * {@code rwx------}, files {@code rw-------}.
   */
  public static void tighten(Path tree) {
    if (!posix()) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path path : paths.toList()) {
        Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_ONLY : OWNER_ONLY_FILE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + tree + " readable by its owner only", e);
    }
  }

  /** Whether files here have POSIX permissions, so a child process can be started with an owner-only umask. */
  public static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
