package city.bikeshare.core.rebalance;

import java.util.ArrayList;
import java.util.List;

/**
 * A complete or partial plan during the search: its routes, which route holds each station, the total
 * cost and the total capacity excess (bikes beyond capacity summed over routes; 0 for a feasible plan).
 *
 * <p>Copies share their routes until they change one (copy on write): an iteration of the search touches
 * a few routes, and copying the others would be most of its work on plans with many routes. A plan that
 * has been copied is read-only, which keeps the sharing safe.
 */
final class SearchState {

  private final SearchInstance instance;
  private final List<Route> routes;
  private final Route[] routeOf;
  private final int[] positionOf;
  private double cost;
  private int excess;
  private boolean copied;

  private SearchState(
      SearchInstance instance, List<Route> routes, Route[] routeOf, int[] positionOf, double cost, int excess) {
    this.instance = instance;
    this.routes = routes;
    this.routeOf = routeOf;
    this.positionOf = positionOf;
    this.cost = cost;
    this.excess = excess;
  }

  static SearchState empty(SearchInstance instance) {
    int n = instance.demand().length;
    return new SearchState(instance, new ArrayList<>(), new Route[n], new int[n], 0, 0);
  }

  SearchState copy() {
    copied = true;
    instance.effort().add(routeOf.length / 16 + 1);
    return new SearchState(instance, new ArrayList<>(routes), routeOf.clone(), positionOf.clone(), cost, excess);
  }

  double cost() {
    return cost;
  }

  int excess() {
    return excess;
  }

  boolean feasible() {
    return excess == 0;
  }

  List<Route> routes() {
    return routes;
  }

  /** The route serving {@code station}, or null while the station is unassigned. */
  Route routeOf(int station) {
    return routeOf[station];
  }

  /** Where {@code station} stands in its route; meaningless while it is unassigned. */
  int positionOf(int station) {
    return positionOf[station];
  }

  void insert(Route route, int position, int station) {
    route = writable(route);
    forget(route);
    route.insert(position, station);
    count(route);
  }

  void addRoute(int[] stops, int count) {
    reassign(newRoute(count + 4), stops, count);
  }

  void openRoute(int station) {
    insert(newRoute(8), 0, station);
  }

  /** Unassigns every flagged station and drops the routes left empty. */
  void remove(boolean[] flagged) {
    List<Route> touched = new ArrayList<>();
    for (int station = 1; station < routeOf.length; station++) {
      if (flagged[station] && routeOf[station] != null && !touched.contains(routeOf[station])) {
        touched.add(routeOf[station]);
      }
    }
    for (Route shared : touched) {
      Route route = writable(shared);
      forget(route);
      route.removeFlagged(flagged);
      count(route);
    }
    for (int station = 1; station < routeOf.length; station++) {
      if (flagged[station]) {
        routeOf[station] = null;
      }
    }
    dropEmptyRoutes();
  }

  /** Replaces a route's stops, e.g. after an improving move found by local search. */
  void reassign(Route route, int[] stops, int count) {
    route = writable(route);
    forget(route);
    route.assign(stops, count);
    count(route);
  }

  void dropEmptyRoutes() {
    checkWritable();
    routes.removeIf(route -> {
      if (route.size() == 0) {
        forget(route);
        return true;
      }
      return false;
    });
  }

  private Route newRoute(int capacityHint) {
    checkWritable();
    Route route = new Route(instance, capacityHint).claimFor(this);
    routes.add(route);
    return route;
  }

  /** The route itself if this plan owns it, else a private copy put in its place. */
  private Route writable(Route route) {
    checkWritable();
    if (route.ownedBy(this)) {
      return route;
    }
    Route copy = route.copy().claimFor(this);
    for (int r = 0; r < routes.size(); r++) {
      if (routes.get(r) == route) {
        routes.set(r, copy);
        break;
      }
    }
    // routeOf is left alone: every change ends with count(), which points the route's stops at it.
    return copy;
  }

  private void checkWritable() {
    if (copied) {
      throw new IllegalStateException("a plan that has been copied is read-only");
    }
  }

  private void forget(Route route) {
    cost -= route.cost();
    excess -= route.excess();
  }

  private void count(Route route) {
    cost += route.cost();
    excess += route.excess();
    for (int p = 0; p < route.size(); p++) {
      routeOf[route.stop(p)] = route;
      positionOf[route.stop(p)] = p;
    }
  }

  RebalanceSolution toSolution(RebalanceProblem problem) {
    List<List<Integer>> plan = new ArrayList<>(routes.size());
    for (Route route : routes) {
      List<Integer> stops = new ArrayList<>(route.size());
      for (int p = 0; p < route.size(); p++) {
        stops.add(route.stop(p));
      }
      plan.add(stops);
    }
    return new RebalanceSolution(plan, Feasibility.totalCost(problem, plan));
  }
}
