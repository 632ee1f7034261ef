package city.local.cost;

import java.util.Map;

/**
 * Everything the bill depends on that is neither traffic nor a price nor measured per event.
 *
 * @param deviceMessageBytes payload and topic of one device message (IoT meters in 5 KB steps)
 * @param cloudMessageBytes payload and topic of one message the cloud publishes to a device
 * @param basicIngest devices publish to {@code $aws/rules/...}: no messaging charge, the rule and action still bill
 * @param sensorsPerGateway battery sensors (parking, safety) per connected gateway; 1 = each keeps its own
 *     MQTT connection. Cameras, units, docks and trucks are always connected themselves
 * @param deliveriesPerPublish devices subscribed to a topic the cloud publishes to (each delivery is a message)
 * @param acksPerIncident unit acknowledgements per incident (accept, arrive, resolve)
 * @param failedEventShare device events that exhaust their retries and reach FailedEvents
 * @param logBytesPerInvocation log bytes one invocation writes (Lambda's START/END/REPORT lines and the handler's)
 * @param accessLogBytesPerRequest HTTP API access log bytes per request
 * @param logCompression stored log bytes per ingested byte (CloudWatch bills archived logs compressed)
 * @param storedGbByTable DynamoDB data held, by table id, at steady state (each table's retention)
 * @param twelveMonthFreeTier apply the first-year free tiers (accounts created before 2025-07-15, first year only)
 * @param why the reason for each value above, by field name
 */
public record Assumptions(
    int deviceMessageBytes,
    int cloudMessageBytes,
    boolean basicIngest,
    int sensorsPerGateway,
    double deliveriesPerPublish,
    double acksPerIncident,
    double failedEventShare,
    int logBytesPerInvocation,
    int accessLogBytesPerRequest,
    double logCompression,
    Map<String, Double> storedGbByTable,
    boolean twelveMonthFreeTier,
    Map<String, String> why) {

  public Assumptions {
    storedGbByTable = Map.copyOf(storedGbByTable);
    why = Map.copyOf(why);
    if (sensorsPerGateway < 1) {
      throw new IllegalArgumentException("sensorsPerGateway must be at least 1");
    }
  }

  public Assumptions withStoredGb(Map<String, Double> stored) {
    return new Assumptions(deviceMessageBytes, cloudMessageBytes, basicIngest, sensorsPerGateway, deliveriesPerPublish,
        acksPerIncident, failedEventShare, logBytesPerInvocation, accessLogBytesPerRequest, logCompression, stored,
        twelveMonthFreeTier, why);
  }
}
