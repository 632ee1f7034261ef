package city.local.cost;

import java.util.List;
import java.util.Map;

/**
 * The dated price table of one region.
 *
 * @param currency what the provider bills this region in (USD, or CNY in the China regions)
 * @param lambdaArchitecture the architecture priced for Lambda here (x86_64 where arm64 is unconfirmed)
 */
public record RegionPrices(
    String currency,
    String pricesDated,
    String lambdaArchitecture,
    Map<String, Price> prices,
    List<FreeTier> freeTiers,
    List<String> notes) {

  public Price price(String item) {
    Price price = prices.get(item);
    if (price == null) {
      throw new IllegalStateException("no price for " + item);
    }
    return price;
  }
}
