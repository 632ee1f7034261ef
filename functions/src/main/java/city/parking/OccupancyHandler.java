package city.parking;

import city.parking.store.SpaceStore;
import city.parking.store.dynamodb.DynamoSpaceStore;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DeviceType;
import city.platform.DynamoDeadLetterStore;
import city.platform.InvalidInput;

/** parking/spaces/{spaceId}/occupancy: a geomagnetic sensor says a space became occupied or free. */
public final class OccupancyHandler extends DeviceMessageHandler {
  private final ParkingLayout layout;
  private final SpaceStore spaces;

  public OccupancyHandler() {
    this(City.current(), new DynamoSpaceStore(AwsClients.dynamoDb(), Config.required(ParkingTable.ENV)),
        DynamoDeadLetterStore.fromEnvironment());
  }

  public OccupancyHandler(City city, SpaceStore spaces, DeadLetterStore deadLetters) {
    super(DeviceType.PARKING_SENSOR, city, deadLetters);
    this.layout = ParkingLayout.of(city);
    this.spaces = spaces;
  }

  @Override
  protected void handle(DeviceMessage message) {
    OccupancyReading reading = OccupancyReading.extract(message);
    ParkingLayout.Zone zone = layout.zoneOf(reading.spaceId())
        .orElseThrow(() -> new InvalidInput("space " + reading.spaceId() + " belongs to no zone"));
    spaces.apply(zone.zone(), reading);
  }
}
