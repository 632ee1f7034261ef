package city.parking.store.dynamodb;

import static city.platform.DynamoItems.bool;
import static city.platform.DynamoItems.key;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;
import static city.platform.DynamoItems.strings;

import city.parking.core.SpaceHead;
import city.parking.core.SpaceStatus;
import city.parking.core.SpaceStore;
import city.parking.core.StoredReading;
import city.parking.core.session.FoldState;
import city.parking.core.session.OccupancyReading;
import city.parking.core.session.OpenSession;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.SkippedRange;
import city.platform.ConditionalWrite;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Head items: pk {@code ZONE#<zone>}, sk {@code SPACE#<spaceId>} (a zone's availability is one query). A head
 * that waits for a missing reading is also in gsi1 under {@code WAITING}, sorted by since when: the scheduled
 * settlement finds exactly those, and a head that waits for nothing costs no index write.
 * Kept readings: pk {@code SPACE#<spaceId>}, sk {@code R#<seq>}.
 */
public final class DynamoSpaceStore implements SpaceStore {
  static final String WAITING = "WAITING";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoSpaceStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<SpaceHead> head(String zone, String spaceId) {
    var response = dynamoDb.getItem(GetItemRequest.builder()
        .tableName(table)
        .key(key("ZONE#" + zone, "SPACE#" + spaceId))
        .consistentRead(true)
        .build());
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(head(response.item())) : Optional.empty();
  }

  @Override
  public boolean putHead(SpaceHead head) {
    PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item(head));
    if (head.version() == 1) {
      put.conditionExpression("attribute_not_exists(pk)");
    } else {
      put.conditionExpression("version = :expected")
          .expressionAttributeValues(Map.of(":expected", n(head.version() - 1)));
    }
    return ConditionalWrite.put(dynamoDb, put.build());
  }

  @Override
  public List<SpaceHead> zone(String zone) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :space)")
        .expressionAttributeValues(Map.of(":pk", s("ZONE#" + zone), ":space", s("SPACE#")))
        .build(), DynamoSpaceStore::head);
  }

  @Override
  public List<SpaceHead> waitingSince(Instant before) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .indexName("gsi1")
        .keyConditionExpression("gsi1pk = :waiting AND gsi1sk < :before")
        .expressionAttributeValues(Map.of(":waiting", s(WAITING), ":before", s(Items.padded(before.toEpochMilli()))))
        .build(), DynamoSpaceStore::head);
  }

  @Override
  public boolean keepReading(String spaceId, StoredReading stored) {
    OccupancyReading reading = stored.reading();
    return ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(Map.of(
            "pk", s("SPACE#" + spaceId),
            "sk", s("R#" + Items.padded(reading.seq())),
            "seq", n(reading.seq()),
            "occupied", bool(reading.occupied()),
            "ts", s(reading.ts().toString()),
            "arrivedAt", s(stored.arrivedAt().toString())))
        .conditionExpression("attribute_not_exists(pk)")
        .build());
  }

  @Override
  public List<StoredReading> readings(String spaceId, long from, long to) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(
            ":pk", s("SPACE#" + spaceId),
            ":from", s("R#" + Items.padded(from)),
            ":to", s("R#" + Items.padded(to))))
        .consistentRead(true)
        .build(), item -> new StoredReading(
            new OccupancyReading(spaceId, Items.flag(item, "occupied"), Items.time(item, "ts").orElseThrow(),
                Items.number(item, "seq").orElseThrow()),
            Instant.parse(Items.requiredString(item, "arrivedAt"))));
  }

  private static Map<String, AttributeValue> item(SpaceHead head) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s("ZONE#" + head.zone()));
    item.put("sk", s("SPACE#" + head.spaceId()));
    item.put("status", s(head.status().wireName()));
    head.since().ifPresent(t -> item.put("since", s(t.toString())));
    item.put("lastSeq", n(head.lastSeq()));
    FoldState fold = head.fold();
    item.put("applied", n(fold.applied()));
    fold.status().ifPresent(run -> {
      item.put("lastOccupied", bool(run.occupied()));
      item.put("runSince", s(run.since().toString()));
      item.put("lastTs", s(run.lastTs().toString()));
    });
    fold.open().ifPresent(open -> {
      item.put("openSeq", n(open.seq()));
      item.put("openStart", s(open.start().toString()));
      if (open.settledWithGap()) {
        item.put("openGap", bool(true));
      }
    });
    fold.closedEnd().ifPresent(t -> item.put("closedEnd", s(t.toString())));
    if (fold.afterGap()) {
      item.put("afterGap", bool(true));
    }
    if (!fold.reads().isEmpty()) {
      item.put("reads", strings(fold.reads().stream().map(DynamoSpaceStore::encode).toList()));
    }
    if (!head.skipped().isEmpty()) {
      item.put("skipped", strings(head.skipped().stream().map(DynamoSpaceStore::encode).toList()));
    }
    head.gapSince().ifPresent(since -> {
      item.put("gapSince", s(since.toString()));
      item.put("gsi1pk", s(WAITING));
      item.put("gsi1sk", s(Items.padded(since.toEpochMilli()) + "#" + head.zone() + "#" + head.spaceId()));
    });
    if (head.readsOverflow()) {
      item.put("readsOverflow", bool(true));
    }
    if (head.alertedSeq() > 0) {
      item.put("alerted", n(head.alertedSeq()));
    }
    item.put("version", n(head.version()));
    return item;
  }

  private static SpaceHead head(Map<String, AttributeValue> item) {
    String zone = Items.requiredString(item, "pk").substring("ZONE#".length());
    String spaceId = Items.requiredString(item, "sk").substring("SPACE#".length());
    Optional<OpenSession> open = Items.number(item, "openSeq").map(seq -> new OpenSession(seq,
        Items.time(item, "openStart").orElseThrow(), Items.flag(item, "openGap")));
    Optional<FoldState.StatusRun> run = Items.time(item, "lastTs").map(lastTs -> new FoldState.StatusRun(
        Items.flag(item, "lastOccupied"), Items.time(item, "runSince").orElseThrow(), lastTs));
    FoldState fold = new FoldState(
        Items.number(item, "applied", 0),
        run,
        open,
        Items.time(item, "closedEnd"),
        Items.strings(item, "reads").stream().map(DynamoSpaceStore::read).toList(),
        Items.flag(item, "afterGap"));
    return new SpaceHead(zone, spaceId,
        SpaceStatus.fromWireName(Items.string(item, "status").orElse("unknown")),
        Items.time(item, "since"),
        Items.number(item, "lastSeq", 0),
        fold,
        Items.strings(item, "skipped").stream().map(DynamoSpaceStore::skipped).toList(),
        Items.string(item, "gapSince").map(Instant::parse),
        Items.number(item, "alerted", 0),
        Items.flag(item, "readsOverflow"),
        Items.number(item, "version", 0));
  }

  /** One string per read keeps the head within a write unit: "ts|confidence|camera|plate". */
  private static String encode(PlateCandidate read) {
    return read.ts() + "|" + read.confidence() + "|" + read.cameraId() + "|" + read.plate();
  }

  private static PlateCandidate read(String text) {
    String[] parts = text.split("\\|", 4);
    return new PlateCandidate(parts[3], Double.parseDouble(parts[1]), OffsetDateTime.parse(parts[0]), parts[2]);
  }

  private static String encode(SkippedRange range) {
    return range.from() + "|" + range.to() + "|" + range.openSeq().map(String::valueOf).orElse("-") + "|"
        + range.since().map(OffsetDateTime::toString).orElse("-");
  }

  private static SkippedRange skipped(String text) {
    String[] parts = text.split("\\|", 4);
    return new SkippedRange(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
        parts[2].equals("-") ? Optional.empty() : Optional.of(Long.parseLong(parts[2])),
        parts[3].equals("-") ? Optional.empty() : Optional.of(OffsetDateTime.parse(parts[3])));
  }
}
