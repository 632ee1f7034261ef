package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.local.files.OwnerOnlyFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another user of the machine reaches none of the twin: its HTTP API, IoT data-plane endpoint and DynamoDB listen
 * on loopback only, and nothing in its data folder (LevelDB's files, the token key) is readable but by its owner.
 */
class TwinDataPrivacyTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path parent;

  @Test
  void theTwinListensOnLoopbackOnlyAndKeepsItsFilesToItsOwner() throws IOException {
    assumeTrue(OwnerOnlyFolder.posix(), "POSIX permissions");
    Path data = parent.resolve("city-data");
    try (Twin twin = Twin.start(TwinOptions.inMemory().withDataDir(Optional.of(data)))) {
      if (ListeningSockets.available()) {
        Map<String, Integer> ports = Map.of("HTTP API", twin.httpPort(), "IoT data plane", twin.iotDataPort(),
            "dynalite", twin.dynamoDbEndpoint().getPort());
        ports.forEach((part, port) -> {
          List<String> addresses = ListeningSockets.addresses(port);
          assertFalse(addresses.isEmpty(), part + " listens on " + port);
          assertTrue(addresses.stream().allMatch(ListeningSockets::loopback), part + " listens on " + addresses);
        });
      }
      TwinClient.publish(twin, "parking/spaces/S3/occupancy", "{\"occupied\": true, \"ts\": \"2026-11-28T09:00:00+08:00\", \"seq\": 1}");
      Eventually.await("S3 occupied", WAIT, () -> TwinClient.get(twin, "/parking/spaces/S3", null),
          r -> r.statusCode() == 200 && "occupied".equals(TwinClient.json(r).path("status").asText()));
    }
    List<Path> written;
    try (Stream<Path> files = Files.walk(data)) {
      written = files.toList();
    }
    assertTrue(written.stream().anyMatch(f -> f.getFileName().toString().endsWith(".log")), "LevelDB wrote: " + written);
    List<String> readableByOthers = new ArrayList<>();
    for (Path file : written) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
        readableByOthers.add(data.relativize(file) + " " + PosixFilePermissions.toString(permissions));
      }
    }
    assertEquals(List.of(), readableByOthers);
  }

  @Test
  void aDataFolderAnEarlierTwinLeftOpenIsClosedToOthers() throws IOException {
    assumeTrue(OwnerOnlyFolder.posix(), "POSIX permissions");
    Path data = Files.createDirectory(parent.resolve("old-data"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    OwnerOnlyFolder.ensure(data);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
  }
}
