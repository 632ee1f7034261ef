package city.parking.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How many of a zone's spaces are free, occupied or closed (by an incident: whatever its sensor says) now, and
 * each space's status in the layout's order (a map draws them from the same one query); a space without a head
 * (never heard of) or whose sensor went silent (rule 4, {@link SensorSilence#hides}) is unknown.
 */
public record ZoneAvailability(String zone, int free, int occupied, int closed, int unknown, int total,
    List<SpaceAvailability> spaces) {

  /** One space of the zone and its status: free, occupied, closed or unknown. */
  public record SpaceAvailability(String spaceId, String status) {}

  public static ZoneAvailability of(ParkingLayout.Zone zone, List<SpaceHead> heads, Map<String, Closure> closures,
      Map<String, SensorSilence> silences) {
    Map<String, SpaceState> known = heads.stream()
        .map(SpaceHead::state)
        .collect(Collectors.toMap(SpaceState::spaceId, Function.identity()));
    int free = 0;
    int occupied = 0;
    int closed = 0;
    List<SpaceAvailability> spaces = new ArrayList<>();
    for (ParkingLayout.Space space : zone.spaces()) {
      SpaceState state = known.getOrDefault(space.spaceId(), SpaceState.unknown(space.spaceId()));
      SensorSilence silence = silences.get(space.spaceId());
      SpaceStatus status = closures.containsKey(space.spaceId()) ? SpaceStatus.CLOSED
          : silence != null && silence.hides(state) ? SpaceStatus.UNKNOWN : state.status();
      if (status == SpaceStatus.CLOSED) {
        closed++;
      } else if (status == SpaceStatus.FREE) {
        free++;
      } else if (status == SpaceStatus.OCCUPIED) {
        occupied++;
      }
      spaces.add(new SpaceAvailability(space.spaceId(), status.wireName()));
    }
    int total = zone.spaces().size();
    return new ZoneAvailability(zone.zone(), free, occupied, closed, total - free - occupied - closed, total,
        List.copyOf(spaces));
  }
}
