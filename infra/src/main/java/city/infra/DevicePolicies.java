package city.infra;

import city.catalog.DeviceTopics;
import city.catalog.FunctionSpec;
import city.catalog.TopicRule;
import city.platform.City;
import city.catalog.Catalog;
import city.catalog.Device;
import city.catalog.DeviceClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iot.CfnPolicy;
import software.amazon.awscdk.services.iot.CfnThing;
import software.amazon.awscdk.services.iot.CfnThingGroup;
import software.amazon.awscdk.services.iot.CfnThingType;
import software.constructs.Construct;

/**
 * Per device class: an IoT policy, a thing type and a thing group. Every policy is written against
 * {@code ${iot:Connection.Thing.ThingName}}, so one policy serves every device of the class while each device
 * can connect only as itself (client id = thing name, certificate attached to that thing), publish only to its
 * own device-to-cloud topics (plain and Basic Ingest) and subscribe only to its own command topics. Topics are
 * derived from the catalog's rules and the functions' publish topics ({@link DeviceTopics}).
 *
 * <p>Things themselves are created only with {@code -c provisionThings=true}: certificates are created and
 * attached per device by the provisioning step anyway (which also sets thing type and group, which
 * CloudFormation cannot), and the registry entry is free either way.
 */
public final class DevicePolicies extends Construct {
  public DevicePolicies(Construct scope, String id, String namePrefix, Catalog catalog, City city,
      boolean provisionThings) {
    super(scope, id);
    Map<DeviceClass, DeviceTopics.Access> access = DeviceTopics.derive(catalog.deviceClasses(), catalog.rules(),
        catalog.functions(), DeviceTopics.THING);
    for (var entry : access.entrySet()) {
      DeviceClass type = entry.getKey();
      String name = namePrefix + "-" + type.wireName();
      String pascal = pascal(type.wireName());
      CfnPolicy.Builder.create(this, pascal + "Policy")
          .policyName(name)
          .policyDocument(document(entry.getValue()))
          .build();
      CfnThingType.Builder.create(this, pascal + "ThingType")
          .thingTypeName(name)
          .thingTypeProperties(CfnThingType.ThingTypePropertiesProperty.builder()
              .thingTypeDescription(type.wireName() + " of " + city.name())
              .build())
          .build();
      CfnThingGroup.Builder.create(this, pascal + "ThingGroup")
          .thingGroupName(name)
          .thingGroupProperties(CfnThingGroup.ThingGroupPropertiesProperty.builder()
              .thingGroupDescription("every " + type.wireName() + " of " + city.name()
                  + "; attach policy " + name + " here to cover the whole class")
              .build())
          .build();
    }
    if (provisionThings) {
      for (Device device : city.devices()) {
        // AWS::IoT::Thing cannot name a thing type or group: the class travels as an attribute
        CfnThing.Builder.create(this, "Thing-" + device.deviceId())
            .thingName(device.deviceId())
            .attributePayload(CfnThing.AttributePayloadProperty.builder()
                .attributes(Map.of("deviceType", device.type().wireName(), "city", city.id()))
                .build())
            .build();
      }
    }
  }

  private PolicyDocument document(DeviceTopics.Access access) {
    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(PolicyStatement.Builder.create()
        .effect(Effect.ALLOW)
        .actions(List.of("iot:Connect"))
        .resources(List.of(arn("client", DeviceTopics.THING)))
        // the certificate must be attached to the thing whose name it connects as
        .conditions(Map.of("Bool", Map.of("iot:Connection.Thing.IsAttached", "true")))
        .build());
    if (!access.publish().isEmpty()) {
      statements.add(PolicyStatement.Builder.create()
          .effect(Effect.ALLOW)
          .actions(List.of("iot:Publish"))
          .resources(access.publish().stream().map(topic -> arn("topic", topic)).toList())
          .build());
    }
    if (!access.commands().isEmpty()) {
      statements.add(PolicyStatement.Builder.create()
          .effect(Effect.ALLOW)
          .actions(List.of("iot:Subscribe"))
          .resources(access.commands().stream().map(topic -> arn("topicfilter", topic)).toList())
          .build());
      statements.add(PolicyStatement.Builder.create()
          .effect(Effect.ALLOW)
          .actions(List.of("iot:Receive"))
          .resources(access.commands().stream().map(topic -> arn("topic", topic)).toList())
          .build());
    }
    return PolicyDocument.Builder.create().statements(statements).build();
  }

  private String arn(String resourceType, String name) {
    return Stack.of(this).formatArn(ArnComponents.builder()
        .service("iot")
        .resource(resourceType)
        .resourceName(name)
        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
        .build());
  }

  static String pascal(String wireName) {
    StringBuilder out = new StringBuilder();
    for (String part : wireName.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}
