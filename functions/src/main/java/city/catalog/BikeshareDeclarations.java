package city.catalog;

import java.util.List;

/** Bike-share: declared by the bike-share issue. */
final class BikeshareDeclarations {
  private BikeshareDeclarations() {}

  static Domain domain() {
    return new Domain("bikeshare", List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
