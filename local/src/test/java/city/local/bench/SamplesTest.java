package city.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertEquals(30, Samples.of(List.of(50, 10, 30, 40, 20)).median());
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(25, Samples.of(List.of(40, 10, 30, 20)).median());
  }

  @Test
  void minMaxAndNearestRankPercentiles() {
    Samples samples = Samples.of(List.of(5, 1, 4, 2, 3, 10, 9, 8, 7, 6));
    assertEquals(1, samples.min());
    assertEquals(10, samples.max());
    assertEquals(5, samples.percentile(50));
    assertEquals(10, samples.percentile(99));
    assertEquals(1, samples.percentile(1));
    assertEquals(10, samples.count());
  }

  @Test
  void refusesNoSamplesAndImpossiblePercentiles() {
    assertThrows(IllegalArgumentException.class, () -> Samples.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Samples.of(List.of(1)).percentile(0));
    assertThrows(IllegalArgumentException.class, () -> Samples.of(List.of(1)).percentile(101));
  }
}
