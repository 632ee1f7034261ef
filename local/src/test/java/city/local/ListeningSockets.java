package city.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The listening TCP sockets of a port as Linux reports them in {@code /proc/net/tcp} and {@code tcp6}: what
 * address a server really bound, whatever it was asked to bind.
 */
final class ListeningSockets {
  private static final String LISTEN = "0A";
  private static final String IPV4_LOOPBACK = "0100007F";
  private static final String IPV6_LOOPBACK = "00000000000000000000000001000000";
  private static final String IPV4_MAPPED_LOOPBACK = "0000000000000000FFFF00000100007F";

  private ListeningSockets() {}

  static boolean available() {
    return Files.isReadable(Path.of("/proc/net/tcp"));
  }

  /** The local addresses (as hex, the kernel's byte order) of the sockets listening on {@code port}. */
  static List<String> addresses(int port) {
    String hexPort = String.format(Locale.ROOT, "%04X", port);
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      try {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
          String[] fields = line.trim().split("\\s+");
          String[] local = fields[1].split(":");
          if (local[1].equals(hexPort) && fields[3].equals(LISTEN)) {
            addresses.add(local[0]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return addresses;
  }

  static boolean loopback(String address) {
    return address.equals(IPV4_LOOPBACK) || address.equals(IPV6_LOOPBACK) || address.equals(IPV4_MAPPED_LOOPBACK);
  }
}
