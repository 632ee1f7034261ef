package city.local.mqtt;

import city.catalog.Catalog;
import city.catalog.Device;
import city.catalog.DeviceClass;
import city.catalog.DeviceTopics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Who may do what on the twin's broker: the deployed IoT policies ({@code infra/DevicePolicies}, derived by
 * the same {@link DeviceTopics}) with the client id standing for the certificate's thing. A device connects
 * only as a provisioned thing of the city file, publishes only to its own topics of its class's rules (plain
 * and Basic Ingest) and subscribes only to its own command topics.
 *
 * <p>The twin's operator (the simulator, tests, tools) connects with user name {@link #OPERATOR} and the
 * operator secret of the data folder, with any client id, and may publish and subscribe anywhere: the
 * twin-only stand-in for what the cloud's own services do.
 */
public final class ThingPolicy {
  /** The user name of the twin-only operator identity. */
  public static final String OPERATOR = "city-twin-operator";

  private final Map<String, Grant> things;
  private final byte[] operatorSecret;

  private ThingPolicy(Map<String, Grant> things, byte[] operatorSecret) {
    this.things = things;
    this.operatorSecret = operatorSecret.clone();
  }

  /** The policy of every provisioned device, as CDK attaches it per device class. */
  public static ThingPolicy of(Catalog catalog, List<Device> devices, String operatorSecret) {
    // a class with no device in the city file needs no policy (a test's own rules need not name a thing level)
    Set<String> provisioned = devices.stream().map(d -> d.type().wireName()).collect(Collectors.toSet());
    Map<DeviceClass, DeviceTopics.Access> byClass = DeviceTopics.derive(
        catalog.deviceClasses().stream().filter(c -> provisioned.contains(c.wireName())).toList(),
        catalog.rules().stream().filter(r -> provisioned.contains(r.deviceType())).toList(),
        catalog.functions(), DeviceTopics.THING);
    Map<String, Grant> things = new LinkedHashMap<>();
    for (Device device : devices) {
      DeviceTopics.Access access = byClass.getOrDefault(device.type(), new DeviceTopics.Access(List.of(), List.of()));
      things.put(device.deviceId(), new Grant(
          access.publish().stream().map(resource -> resource(resource, device.deviceId())).toList(),
          access.commands().stream().map(resource -> resource(resource, device.deviceId())).toList()));
    }
    return new ThingPolicy(Map.copyOf(things), operatorSecret.getBytes(StandardCharsets.UTF_8));
  }

  /** Who connects: a provisioned thing (no user name) or the operator (its user name and secret). */
  public sealed interface Identity {
    boolean mayPublish(String topic);

    boolean maySubscribe(String topicFilter);
  }

  /** A device: its policy's resources with the thing name filled in. */
  public record Grant(List<Pattern> publish, List<Pattern> subscribe) implements Identity {
    @Override
    public boolean mayPublish(String topic) {
      return publish.stream().anyMatch(p -> p.matcher(topic).matches());
    }

    @Override
    public boolean maySubscribe(String topicFilter) {
      return subscribe.stream().anyMatch(p -> p.matcher(topicFilter).matches());
    }
  }

  /** The twin's operator: anything, as the cloud's own services may. */
  public record Operator() implements Identity {
    @Override
    public boolean mayPublish(String topic) {
      return true;
    }

    @Override
    public boolean maySubscribe(String topicFilter) {
      return true;
    }
  }

  /** Why a connection is refused, or who it is. */
  public record Admission(Optional<Identity> identity, String refusal) {
    static Admission of(Identity identity) {
      return new Admission(Optional.of(identity), "");
    }

    static Admission refused(String reason) {
      return new Admission(Optional.empty(), reason);
    }
  }

  public Admission admit(String clientId, Optional<String> userName, Optional<byte[]> password) {
    if (userName.isPresent()) {
      if (userName.get().equals(OPERATOR) && password.isPresent()
          && MessageDigest.isEqual(password.get(), operatorSecret)) {
        return Admission.of(new Operator());
      }
      return Admission.refused("bad user name or password");
    }
    Grant grant = things.get(clientId);
    if (grant == null) {
      return Admission.refused("client id '" + clientId + "' is not a provisioned thing name");
    }
    return Admission.of(grant);
  }

  /** The identity of a connection admitted before, by what it was admitted as. */
  Identity identity(String clientId, boolean operator) {
    if (operator) {
      return new Operator();
    }
    Grant grant = things.get(clientId);
    return grant == null ? new Grant(List.of(), List.of()) : grant;
  }

  /**
   * An IoT policy resource as a matcher: the policy variable becomes the thing name, {@code *} matches any
   * characters (slashes too), everything else (MQTT's {@code +} and {@code #} included) matches itself.
   */
  static Pattern resource(String policyResource, String thingName) {
    String concrete = policyResource.replace(DeviceTopics.THING, thingName);
    StringBuilder regex = new StringBuilder();
    int from = 0;
    for (int star = concrete.indexOf('*'); star >= 0; star = concrete.indexOf('*', from)) {
      regex.append(Pattern.quote(concrete.substring(from, star))).append(".*");
      from = star + 1;
    }
    regex.append(Pattern.quote(concrete.substring(from)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
