package city.local.demo.parking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The county's cars: a fixed set of Chinese plates, each parked in at most one space at a time. */
final class PlatePool {
  private static final List<String> PREFIXES = List.of("京A", "京B", "京C", "京E", "京F", "京N", "京Q", "鲁A", "鲁C", "冀A");
  /** Plates use neither I nor O (they look like 1 and 0). */
  private static final String SERIAL_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  private final List<String> free = new ArrayList<>();

  PlatePool(int size, Random random) {
    Set<String> plates = new LinkedHashSet<>();
    while (plates.size() < size) {
      StringBuilder plate = new StringBuilder(PREFIXES.get(random.nextInt(PREFIXES.size())));
      for (int i = 0; i < 5; i++) {
        // mostly digits, as on most plates
        plate.append(i < 2 || random.nextInt(4) > 0
            ? (char) ('0' + random.nextInt(10))
            : SERIAL_CHARACTERS.charAt(random.nextInt(SERIAL_CHARACTERS.length())));
      }
      plates.add(plate.toString());
    }
    free.addAll(plates);
  }

  /** A car that is not parked anywhere; throws when every car is parked. */
  String take(Random random) {
    if (free.isEmpty()) {
      throw new IllegalStateException("every car of the pool is parked");
    }
    return free.remove(random.nextInt(free.size()));
  }

  void release(String plate) {
    free.add(plate);
  }
}
