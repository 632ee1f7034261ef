package city.parking.core;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How many of a zone's spaces are free, occupied or closed (by an incident: whatever its sensor says) now; a space
 * without a head (never heard of) is unknown.
 */
public record ZoneAvailability(String zone, int free, int occupied, int closed, int unknown, int total) {

  public static ZoneAvailability of(ParkingLayout.Zone zone, List<SpaceHead> heads, Map<String, Closure> closures) {
    Map<String, SpaceState> known = heads.stream()
        .map(SpaceHead::state)
        .collect(Collectors.toMap(SpaceState::spaceId, Function.identity()));
    int free = 0;
    int occupied = 0;
    int closed = 0;
    for (ParkingLayout.Space space : zone.spaces()) {
      SpaceState state = known.getOrDefault(space.spaceId(), SpaceState.unknown(space.spaceId()));
      if (closures.containsKey(space.spaceId())) {
        closed++;
      } else if (state.status() == SpaceStatus.FREE) {
        free++;
      } else if (state.status() == SpaceStatus.OCCUPIED) {
        occupied++;
      }
    }
    int total = zone.spaces().size();
    return new ZoneAvailability(zone.zone(), free, occupied, closed, total - free - occupied - closed, total);
  }
}
