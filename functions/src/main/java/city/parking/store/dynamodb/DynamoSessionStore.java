package city.parking.store.dynamodb;

import static city.platform.DynamoItems.bool;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.parking.core.SessionStore;
import city.parking.core.session.Payment;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import city.parking.core.session.SessionId;
import city.platform.ConditionalWrite;
import city.platform.DynamoItems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Session items: pk {@code SESSIONS#<zone>#<local date of start>}, sk {@code <spaceId>#<opening seq>}. The key
 * follows from the session id and the city file (the space's zone), so a session is one GetItem away; a
 * zone's day is one query (summary, enforcement review, the arrears check). A session in arrears is also in
 * gsi1 under {@code ARREARS}: only those sessions pay for an index write. A late-reading correction holds the
 * sessions it rewrites ({@code holdVersion}, {@code heldUntil}) before it writes any; its put ends the hold.
 */
public final class DynamoSessionStore implements SessionStore {
  static final String ARREARS = "ARREARS";
  private static final Map<String, String> NAMES = Map.of("#end", "end");

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoSessionStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public boolean put(Session session) {
    return ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(item(session))
        .conditionExpression("attribute_not_exists(pk) OR (attribute_not_exists(paymentId) AND headVersion < :v)")
        .expressionAttributeValues(Map.of(":v", n(session.headVersion())))
        .build());
  }

  @Override
  public Optional<Session> get(String zone, SessionId id) {
    var response = dynamoDb.getItem(GetItemRequest.builder()
        .tableName(table)
        .key(key(zone, id))
        .consistentRead(true)
        .build());
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(session(response.item())) : Optional.empty();
  }

  @Override
  public List<Session> ofSpace(String zone, String spaceId, LocalDate from, LocalDate to) {
    List<Session> result = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      result.addAll(Items.queryAll(dynamoDb, QueryRequest.builder()
          .tableName(table)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :space)")
          .expressionAttributeValues(Map.of(":pk", s(partition(zone, day)), ":space", s(spaceId + "#")))
          .consistentRead(true)
          .build(), DynamoSessionStore::session));
    }
    result.sort(Comparator.comparingLong(Session::openSeq));
    return result;
  }

  @Override
  public List<Session> ofZoneDay(String zone, LocalDate day) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s(partition(zone, day))))
        .build(), DynamoSessionStore::session);
  }

  @Override
  public boolean offerPlate(String zone, SessionId id, PlateCandidate read) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":plate", s(read.plate()));
    values.put(":confidence", n(read.confidence()));
    values.put(":ts", s(read.ts().toString()));
    values.put(":at", n(read.ts().toInstant().toEpochMilli()));
    values.put(":camera", s(read.cameraId()));
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(zone, id))
        .updateExpression("SET plate = :plate, plateConfidence = :confidence, plateTs = :ts, plateAt = :at, "
            + "plateCamera = :camera")
        // the same order as PlateCandidate.BEST_FIRST, so late reads and the fold agree on the winner
        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(paymentId) AND attribute_not_exists(voided)"
            + " AND (attribute_not_exists(plate) OR plateConfidence < :confidence"
            + " OR (plateConfidence = :confidence AND plateAt > :at)"
            + " OR (plateConfidence = :confidence AND plateAt = :at AND plate > :plate)"
            + " OR (plateConfidence = :confidence AND plateAt = :at AND plate = :plate AND plateCamera > :camera))")
        .expressionAttributeValues(values)
        .build());
  }

  @Override
  public boolean hold(Session session, long version, Instant until) {
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(session.zone(), session.id()))
        .updateExpression("SET holdVersion = :v, heldUntil = :until")
        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(paymentId) AND headVersion < :v")
        .expressionAttributeValues(Map.of(":v", n(version), ":until", n(until.toEpochMilli())))
        .build());
  }

  @Override
  public void release(Session session, long version) {
    ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(session.zone(), session.id()))
        .updateExpression("REMOVE holdVersion, heldUntil")
        .conditionExpression("holdVersion = :v")
        .expressionAttributeValues(Map.of(":v", n(version)))
        .build());
  }

  @Override
  public Optional<Session> pay(String zone, SessionId id, Payment payment) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pid", s(payment.paymentId()));
    values.put(":amount", n(payment.amount()));
    values.put(":at", s(payment.paidAt().toString()));
    values.put(":provider", s(payment.provider()));
    values.put(":reference", s(payment.providerReference()));
    values.put(":now", n(payment.paidAt().toEpochMilli()));
    try {
      var response = dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(table)
          .key(key(zone, id))
          .updateExpression("SET paymentId = :pid, paidAmount = :amount, paidAt = if_not_exists(paidAt, :at), "
              + "provider = :provider, providerReference = :reference REMOVE gsi1pk, gsi1sk, arrears")
          .conditionExpression("(attribute_exists(pk) AND attribute_not_exists(paymentId) AND amountDue = :amount"
              + " AND attribute_exists(#end) AND attribute_not_exists(voided) AND attribute_not_exists(noise)"
              + " AND (attribute_not_exists(heldUntil) OR heldUntil < :now))"
              + " OR paymentId = :pid")
          .expressionAttributeNames(NAMES)
          .expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)
          .build());
      return Optional.of(session(response.attributes()));
    } catch (ConditionalCheckFailedException refused) {
      return Optional.empty();
    }
  }

  @Override
  public void note(String zone, SessionId id, String note) {
    dynamoDb.updateItem(UpdateItemRequest.builder()
        .tableName(table)
        .key(key(zone, id))
        .updateExpression("SET correction = :note")
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(Map.of(":note", s(note)))
        .build());
  }

  @Override
  public boolean markArrears(Session session) {
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(session.zone(), session.id()))
        .updateExpression("SET arrears = :true, gsi1pk = :arrears, gsi1sk = :sort")
        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(paymentId)")
        .expressionAttributeValues(Map.of(":true", bool(true), ":arrears", s(ARREARS), ":sort", s(arrearsSort(session))))
        .build());
  }

  @Override
  public List<Session> arrears() {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .indexName("gsi1")
        .keyConditionExpression("gsi1pk = :arrears")
        .expressionAttributeValues(Map.of(":arrears", s(ARREARS)))
        .build(), DynamoSessionStore::session);
  }

  @Override
  public Optional<LocalDate> arrearsCheckedUntil(String zone) {
    var response = dynamoDb.getItem(GetItemRequest.builder()
        .tableName(table)
        .key(DynamoItems.key("ARREARS-CHECKED", zone))
        .build());
    return response.hasItem() ? Items.string(response.item(), "day").map(LocalDate::parse) : Optional.empty();
  }

  @Override
  public void arrearsChecked(String zone, LocalDate day) {
    dynamoDb.putItem(PutItemRequest.builder()
        .tableName(table)
        .item(Map.of("pk", s("ARREARS-CHECKED"), "sk", s(zone), "day", s(day.toString())))
        .build());
  }

  static String partition(String zone, LocalDate day) {
    return "SESSIONS#" + zone + "#" + day;
  }

  private static Map<String, AttributeValue> key(String zone, SessionId id) {
    return DynamoItems.key(partition(zone, id.startDate()), id.spaceId() + "#" + Items.padded(id.openSeq()));
  }

  private static String arrearsSort(Session session) {
    return Items.padded(session.start().toInstant().toEpochMilli()) + "#" + session.sessionId();
  }

  private static Map<String, AttributeValue> item(Session session) {
    Map<String, AttributeValue> item = new HashMap<>(key(session.zone(), session.id()));
    item.put("sessionId", s(session.sessionId()));
    item.put("zone", s(session.zone()));
    item.put("spaceId", s(session.spaceId()));
    item.put("openSeq", n(session.openSeq()));
    item.put("start", s(session.start().toString()));
    session.closeSeq().ifPresent(seq -> item.put("closeSeq", n(seq)));
    session.end().ifPresent(end -> item.put("end", s(end.toString())));
    session.plate().ifPresent(read -> {
      item.put("plate", s(read.plate()));
      item.put("plateConfidence", n(read.confidence()));
      item.put("plateTs", s(read.ts().toString()));
      item.put("plateAt", n(read.ts().toInstant().toEpochMilli()));
      item.put("plateCamera", s(read.cameraId()));
    });
    item.put("amountDue", n(session.amountDue()));
    if (session.settledWithGap()) {
      item.put("settledWithGap", bool(true));
    }
    if (session.noise()) {
      item.put("noise", bool(true));
    }
    if (session.voided()) {
      item.put("voided", bool(true));
    }
    if (session.heldForReview()) {
      item.put("heldForReview", bool(true));
    }
    session.correction().ifPresent(note -> item.put("correction", s(note)));
    session.payment().ifPresent(payment -> {
      item.put("paymentId", s(payment.paymentId()));
      item.put("paidAmount", n(payment.amount()));
      item.put("paidAt", s(payment.paidAt().toString()));
      item.put("provider", s(payment.provider()));
      item.put("providerReference", s(payment.providerReference()));
    });
    if (session.arrears()) {
      item.put("arrears", bool(true));
      item.put("gsi1pk", s(ARREARS));
      item.put("gsi1sk", s(arrearsSort(session)));
    }
    item.put("headVersion", n(session.headVersion()));
    return item;
  }

  private static Session session(Map<String, AttributeValue> item) {
    String spaceId = Items.requiredString(item, "spaceId");
    OffsetDateTime start = Items.time(item, "start").orElseThrow();
    SessionId id = SessionId.parse(Items.requiredString(item, "sessionId")).orElseThrow();
    Optional<PlateCandidate> plate = Items.string(item, "plate").map(p -> new PlateCandidate(p,
        Items.decimal(item, "plateConfidence"), Items.time(item, "plateTs").orElseThrow(),
        Items.requiredString(item, "plateCamera")));
    Optional<Payment> payment = Items.string(item, "paymentId").map(pid -> new Payment(pid,
        Items.number(item, "paidAmount").orElseThrow(), Instant.parse(Items.requiredString(item, "paidAt")),
        Items.requiredString(item, "provider"), Items.requiredString(item, "providerReference")));
    if (!id.spaceId().equals(spaceId)) {
      throw new IllegalStateException("session " + id + " stored under space " + spaceId);
    }
    return new Session(id, Items.requiredString(item, "zone"), start,
        Items.number(item, "closeSeq"), Items.time(item, "end"), plate,
        Items.number(item, "amountDue", 0), Items.flag(item, "settledWithGap"), Items.flag(item, "noise"),
        Items.flag(item, "voided"), Items.string(item, "correction"), payment, Items.flag(item, "arrears"),
        Items.flag(item, "heldForReview"), Items.number(item, "headVersion", 0));
  }
}
