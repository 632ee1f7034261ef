package city.local.delivery;

import city.local.iot.InboundMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal in a folder: append-only segment files of length- and checksum-framed records. One writer
 * thread writes whatever is queued and forces it to disk once per batch (group commit), so publishers that
 * wait at the same time share one fsync; records that only mark progress ride along with the next force
 * (lost in a crash, they cost a repeated invocation, which every handler is built for). A segment is
 * deleted once every message it accepted is done and no older segment is left. On open, a torn last record
 * (the process died mid-write) is ignored, the unfinished messages are copied into a fresh segment and the
 * old segments are deleted, so the journal never grows across restarts.
 */
public final class FileJournal implements Journal {
  static final long SEGMENT_BYTES = 16L * 1024 * 1024;
  private static final int MAX_RECORD_BYTES = 1024 * 1024;
  private static final int MAX_REASON_CHARS = 2000;
  private static final String PREFIX = "segment-";
  private static final String SUFFIX = ".log";
  private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);

  private static final byte ACCEPTED = 1;
  private static final byte ATTEMPT_FAILED = 2;
  private static final byte RULE_DONE = 3;
  private static final byte MESSAGE_DONE = 4;

  /** One record to write; {@code kept} completes once it is on disk (null: no one waits for it). */
  private record Write(byte type, long id, byte[] record, CompletableFuture<Long> kept) {}

  private static final Write STOP = new Write((byte) 0, 0, new byte[0], null);

  private final Path folder;
  private final long segmentLimit;
  private final List<UnfinishedMessage> unfinished;
  private final AtomicLong ids;
  private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  // owned by the writer thread
  private FileChannel channel;
  private long segment;
  private long segmentBytes;
  private final TreeMap<Long, Integer> openBySegment = new TreeMap<>();
  private final Map<Long, Long> segmentOf = new HashMap<>();
  private boolean broken;

  private FileJournal(Path folder, long segmentLimit, List<UnfinishedMessage> unfinished, long lastId, long segment) {
    this.folder = folder;
    this.segmentLimit = segmentLimit;
    this.unfinished = List.copyOf(unfinished);
    this.ids = new AtomicLong(lastId);
    this.segment = segment;
    this.writer = new Thread(this::writeLoop, "journal-writer");
    this.writer.setDaemon(true);
  }

  /** Opens (or creates) the journal in {@code folder}, owner-only, and compacts what an earlier run left. */
  public static FileJournal open(Path folder) {
    return open(folder, SEGMENT_BYTES);
  }

  /** @param segmentLimit a segment's size after which the next one starts */
  static FileJournal open(Path folder, long segmentLimit) {
    try {
      createPrivateFolder(folder);
      List<Path> old = segments(folder);
      Map<Long, Entry> entries = new LinkedHashMap<>();
      long lastId = 0;
      for (Path file : old) {
        lastId = Math.max(lastId, read(file, entries));
      }
      List<UnfinishedMessage> unfinished = entries.values().stream().map(Entry::unfinished).toList();
      long next = old.isEmpty() ? 1 : number(old.get(old.size() - 1)) + 1;
      FileJournal journal = new FileJournal(folder, segmentLimit, unfinished, lastId, next);
      journal.openSegment();
      journal.copyUnfinished();
      for (Path file : old) {
        Files.delete(file);
      }
      forceFolder(folder);
      if (!unfinished.isEmpty()) {
        LOG.info("journal {}: {} message(s) accepted by the previous run are not finished yet and resume now", folder,
            unfinished.size());
      }
      journal.writer.start();
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the message journal in " + folder, e);
    }
  }

  @Override
  public CompletableFuture<Long> append(InboundMessage message) {
    long id = ids.incrementAndGet();
    CompletableFuture<Long> kept = new CompletableFuture<>();
    if (closed) {
      kept.completeExceptionally(new IllegalStateException("the journal is closed"));
      return kept;
    }
    queue.add(new Write(ACCEPTED, id, accepted(id, message), kept));
    return kept;
  }

  @Override
  public void attemptFailed(long id, String rule, int attempt, String reason) {
    enqueue(ATTEMPT_FAILED, id, out -> {
      out.writeUTF(rule);
      out.writeInt(attempt);
      out.writeUTF(reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason);
    });
  }

  @Override
  public void ruleDone(long id, String rule) {
    enqueue(RULE_DONE, id, out -> out.writeUTF(rule));
  }

  @Override
  public void messageDone(long id) {
    enqueue(MESSAGE_DONE, id, out -> { });
  }

  @Override
  public List<UnfinishedMessage> unfinished() {
    return unfinished;
  }

  @Override
  public boolean durable() {
    return true;
  }

  /** Writes and forces what is queued, then closes the segment. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(STOP);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface Fields {
    void write(DataOutputStream out) throws IOException;
  }

  private void enqueue(byte type, long id, Fields fields) {
    if (!closed) {
      queue.add(new Write(type, id, record(type, id, fields), null));
    }
  }

  private static byte[] accepted(long id, InboundMessage message) {
    return record(ACCEPTED, id, out -> {
      out.writeLong(message.receivedAtMillis());
      out.writeUTF(message.topic());
      out.writeBoolean(message.clientId() != null);
      if (message.clientId() != null) {
        out.writeUTF(message.clientId());
      }
      out.writeInt(message.payload().length);
      out.write(message.payload());
    });
  }

  private static byte[] record(byte type, long id, Fields fields) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(type);
      out.writeLong(id);
      fields.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a journal record", e);
    }
  }

  private void writeLoop() {
    boolean stop = false;
    while (!stop) {
      List<Write> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        // only close() stops the writer: keep going until it says so
        continue;
      }
      queue.drainTo(batch);
      stop = batch.remove(STOP);
      writeBatch(batch);
    }
    try {
      channel.force(false);
      channel.close();
    } catch (IOException e) {
      LOG.error("closing the journal segment failed", e);
    }
  }

  private void writeBatch(List<Write> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (broken) {
      batch.forEach(w -> fail(w, new IOException("the journal failed earlier: see the log")));
      return;
    }
    try {
      ByteBuffer buffer = ByteBuffer.allocate(batch.stream().mapToInt(w -> w.record().length + 8).sum());
      boolean someoneWaits = false;
      for (Write write : batch) {
        frame(buffer, write.record());
        someoneWaits |= write.kept() != null;
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        segmentBytes += channel.write(buffer);
      }
      if (someoneWaits) {
        channel.force(false);
      }
    } catch (IOException e) {
      LOG.error("the message journal in {} cannot be written: messages are no longer acknowledged", folder, e);
      broken = true;
      batch.forEach(w -> fail(w, e));
      return;
    }
    batch.forEach(this::track);
    try {
      deleteFinishedSegments();
      if (segmentBytes >= segmentLimit) {
        channel.force(false);
        channel.close();
        segment++;
        openSegment();
        forceFolder(folder);
      }
    } catch (IOException e) {
      LOG.error("the message journal in {} cannot start a new segment", folder, e);
      broken = true;
    }
    // what was forced above is kept even if the new segment failed: its writers may go on
    for (Write write : batch) {
      if (write.kept() != null) {
        write.kept().complete(write.id());
      }
    }
  }

  private static void fail(Write write, Exception e) {
    if (write.kept() != null) {
      write.kept().completeExceptionally(e);
    }
  }

  private void track(Write write) {
    if (write.type() == ACCEPTED) {
      segmentOf.put(write.id(), segment);
      openBySegment.merge(segment, 1, Integer::sum);
    } else if (write.type() == MESSAGE_DONE) {
      Long of = segmentOf.remove(write.id());
      if (of != null) {
        openBySegment.merge(of, -1, Integer::sum);
      }
    }
  }

  /** Every record in segment k concerns a message accepted in k or before: the oldest finished one can go. */
  private void deleteFinishedSegments() throws IOException {
    while (!openBySegment.isEmpty() && openBySegment.firstKey() != segment && openBySegment.firstEntry().getValue() == 0) {
      long finished = openBySegment.pollFirstEntry().getKey();
      Files.deleteIfExists(file(folder, finished));
    }
  }

  private void openSegment() throws IOException {
    Path file = file(folder, segment);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    segmentBytes = 0;
    openBySegment.putIfAbsent(segment, 0);
  }

  private void copyUnfinished() throws IOException {
    List<Write> copies = new ArrayList<>();
    for (UnfinishedMessage message : unfinished) {
      copies.add(new Write(ACCEPTED, message.id(), accepted(message.id(), message.message()), null));
      for (Map.Entry<String, UnfinishedMessage.FailedAttempts> failed : message.failures().entrySet()) {
        copies.add(new Write(ATTEMPT_FAILED, message.id(), record(ATTEMPT_FAILED, message.id(), out -> {
          out.writeUTF(failed.getKey());
          out.writeInt(failed.getValue().attempts());
          out.writeUTF(failed.getValue().lastReason());
        }), null));
      }
      for (String rule : message.rulesDone()) {
        copies.add(new Write(RULE_DONE, message.id(), record(RULE_DONE, message.id(), out -> out.writeUTF(rule)), null));
      }
    }
    if (copies.isEmpty()) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate(copies.stream().mapToInt(w -> w.record().length + 8).sum());
    copies.forEach(w -> frame(buffer, w.record()));
    buffer.flip();
    while (buffer.hasRemaining()) {
      segmentBytes += channel.write(buffer);
    }
    channel.force(false);
    copies.forEach(this::track);
  }

  private static void frame(ByteBuffer buffer, byte[] record) {
    CRC32C crc = new CRC32C();
    crc.update(record);
    buffer.putInt(record.length).putInt((int) crc.getValue()).put(record);
  }

  /** Reads one segment into {@code entries}; returns the highest id it accepted. */
  private static long read(Path file, Map<Long, Entry> entries) throws IOException {
    long lastId = 0;
    try (InputStream stream = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
      while (true) {
        int length;
        try {
          length = in.readInt();
        } catch (EOFException end) {
          return lastId;
        }
        byte[] record;
        int checksum;
        try {
          checksum = in.readInt();
          if (length <= 0 || length > MAX_RECORD_BYTES) {
            throw new EOFException("impossible record length " + length);
          }
          record = in.readNBytes(length);
          if (record.length < length) {
            throw new EOFException("record cut short");
          }
        } catch (EOFException torn) {
          LOG.warn("journal {}: the last record was cut short (the process died while writing it); it was never acknowledged", file);
          return lastId;
        }
        CRC32C crc = new CRC32C();
        crc.update(record);
        if ((int) crc.getValue() != checksum) {
          LOG.warn("journal {}: a record fails its checksum; reading stops there", file);
          return lastId;
        }
        lastId = Math.max(lastId, apply(record, entries));
      }
    }
  }

  private static long apply(byte[] record, Map<Long, Entry> entries) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
    byte type = in.readByte();
    long id = in.readLong();
    switch (type) {
      case ACCEPTED -> {
        long receivedAt = in.readLong();
        String topic = in.readUTF();
        String clientId = in.readBoolean() ? in.readUTF() : null;
        byte[] payload = in.readNBytes(in.readInt());
        entries.put(id, new Entry(id, new InboundMessage(topic, payload, clientId, receivedAt)));
        return id;
      }
      case ATTEMPT_FAILED -> {
        Entry entry = entries.get(id);
        String rule = in.readUTF();
        int attempt = in.readInt();
        String reason = in.readUTF();
        if (entry != null) {
          entry.failures.merge(rule, new UnfinishedMessage.FailedAttempts(attempt, reason),
              (was, now) -> now.attempts() >= was.attempts() ? now : was);
        }
      }
      case RULE_DONE -> {
        Entry entry = entries.get(id);
        String rule = in.readUTF();
        if (entry != null) {
          entry.rulesDone.add(rule);
        }
      }
      case MESSAGE_DONE -> entries.remove(id);
      default -> throw new IOException("unknown journal record type " + type);
    }
    return 0;
  }

  private static final class Entry {
    final long id;
    final InboundMessage message;
    final Set<String> rulesDone = new LinkedHashSet<>();
    final Map<String, UnfinishedMessage.FailedAttempts> failures = new LinkedHashMap<>();

    Entry(long id, InboundMessage message) {
      this.id = id;
      this.message = message;
    }

    UnfinishedMessage unfinished() {
      return new UnfinishedMessage(id, message, rulesDone, failures);
    }
  }

  private static void createPrivateFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  private static List<Path> segments(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches(PREFIX + "\\d+" + SUFFIX))
          .sorted((a, b) -> Long.compare(number(a), number(b)))
          .toList();
    }
  }

  private static long number(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
  }

  private static Path file(Path folder, long segment) {
    return folder.resolve(PREFIX + String.format("%012d", segment) + SUFFIX);
  }

  /** A new or deleted file's name is durable only once its folder is forced too. */
  private static void forceFolder(Path folder) throws IOException {
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }
}
