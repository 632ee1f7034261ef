package city.bikeshare.core.rebalance;

import java.util.List;

/**
 * Routes of a rebalancing plan, each the ordered stations of one truck without the depot at either end,
 * and the total travel cost including the depot legs.
 */
public record RebalanceSolution(List<List<Integer>> routes, double cost) {

  public RebalanceSolution {
    routes = routes.stream().map(List::copyOf).toList();
  }

  public int vehicles() {
    return routes.size();
  }
}
