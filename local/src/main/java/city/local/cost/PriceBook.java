package city.local.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code infra/cost/prices.json}: the price table of every region, the conversion rate, the deployed shape and
 * how each CloudFormation resource type of the template is priced (infra's test reads the same file).
 *
 * @param pricedResourceTypes resource type to the items that price it, or to why it costs nothing
 */
public record PriceBook(
    String description,
    Conversion conversion,
    Map<String, RegionPrices> regions,
    Deployment deployment,
    Map<String, String> pricedResourceTypes) {

  public static final Path FILE = Path.of("infra", "cost", "prices.json");

  public RegionPrices region(String name) {
    RegionPrices prices = regions.get(name);
    if (prices == null) {
      throw new IllegalArgumentException("no prices for region " + name + " (priced: " + regions.keySet() + ")");
    }
    return prices;
  }

  public PriceBook withConversion(Conversion rate) {
    return new PriceBook(description, rate, regions, deployment, pricedResourceTypes);
  }

  public static PriceBook read(Path file) {
    try {
      return StrictJson.MAPPER.readValue(file.toFile(), PriceBook.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the price book " + file + ": " + e.getMessage(), e);
    }
  }
}
