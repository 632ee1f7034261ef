package city.local.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.iot.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on disk: what it keeps across a reopen, what it forgets, and what a torn write leaves. */
class FileJournalTest {
  @TempDir
  Path folder;

  private static InboundMessage message(int n) {
    return new InboundMessage("parking/spaces/S" + n + "/occupancy", ("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8),
        n % 2 == 0 ? null : "S" + n, 1_700_000_000_000L + n);
  }

  @Test
  void unfinishedMessagesComeBackWithTheirProgressAndFinishedOnesDoNot() {
    try (FileJournal journal = FileJournal.open(folder)) {
      assertEquals(1L, journal.append(message(1)).join());
      assertEquals(2L, journal.append(message(2)).join());
      assertEquals(3L, journal.append(message(3)).join());
      journal.messageDone(1);
      journal.ruleDone(2, "parking_occupancy");
      journal.attemptFailed(3, "parking_occupancy", 1, "Occupancy failed 1 attempt(s): boom");
      journal.attemptFailed(3, "parking_occupancy", 2, "Occupancy failed 2 attempt(s): bang");
    }
    try (FileJournal reopened = FileJournal.open(folder)) {
      List<UnfinishedMessage> unfinished = reopened.unfinished();
      assertEquals(List.of(2L, 3L), unfinished.stream().map(UnfinishedMessage::id).toList());
      UnfinishedMessage second = unfinished.get(0);
      assertEquals(message(2).topic(), second.message().topic());
      assertArrayEquals(message(2).payload(), second.message().payload());
      assertEquals(null, second.message().clientId());
      assertEquals(message(2).receivedAtMillis(), second.message().receivedAtMillis());
      assertEquals(Set.of("parking_occupancy"), second.rulesDone());
      UnfinishedMessage third = unfinished.get(1);
      assertEquals("S3", third.message().clientId());
      assertEquals(Map.of("parking_occupancy", new UnfinishedMessage.FailedAttempts(2, "Occupancy failed 2 attempt(s): bang")),
          third.failures());
      assertEquals(4L, reopened.append(message(4)).join(), "ids keep counting");
      reopened.messageDone(2);
      reopened.messageDone(3);
      reopened.messageDone(4);
    }
    try (FileJournal empty = FileJournal.open(folder)) {
      assertEquals(List.of(), empty.unfinished());
    }
  }

  @Test
  void aRecordCutShortByAKillIsIgnoredAndEverythingBeforeItKept() throws Exception {
    try (FileJournal journal = FileJournal.open(folder)) {
      journal.append(message(1)).join();
      journal.append(message(2)).join();
    }
    Path segment = segments().get(0);
    // the length and checksum of a record whose bytes never made it
    Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 1, 0, 0}, StandardOpenOption.APPEND);
    try (FileJournal reopened = FileJournal.open(folder)) {
      assertEquals(List.of(1L, 2L), reopened.unfinished().stream().map(UnfinishedMessage::id).toList());
    }
  }

  @Test
  void aReopenCompactsIntoOneSegmentAndFinishedSegmentsAreDeleted() throws Exception {
    try (FileJournal journal = FileJournal.open(folder, 200)) {
      for (int i = 1; i <= 20; i++) {
        journal.append(message(i)).join();
      }
      assertTrue(segments().size() > 3, "small segments roll over: " + segments());
      for (long id = 1; id <= 19; id++) {
        journal.messageDone(id);
      }
      // the writer deletes finished segments after the batch holding the last done record
      journal.append(message(21)).join();
      assertTrue(segments().size() <= 3, "finished segments are gone: " + segments());
    }
    try (FileJournal reopened = FileJournal.open(folder, 200)) {
      assertEquals(List.of(20L, 21L), reopened.unfinished().stream().map(UnfinishedMessage::id).toList());
      assertEquals(1, segments().size());
    }
  }

  @Test
  void onlyTheOwnerCanReadTheJournal() throws Exception {
    try (FileJournal journal = FileJournal.open(folder.resolve("journal"))) {
      journal.append(message(1)).join();
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("journal"))));
    for (Path segment : segments(folder.resolve("journal"))) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(segment)));
    }
  }

  private List<Path> segments() throws Exception {
    return segments(folder);
  }

  private static List<Path> segments(Path in) throws Exception {
    try (Stream<Path> files = Files.list(in)) {
      return files.sorted().toList();
    }
  }
}
