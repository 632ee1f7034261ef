package city.infra;

import city.catalog.Catalog;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/** Entry point of `cdk synth` / `cdk deploy` (see cdk.json): the catalog's city, checked by cdk-nag. */
public final class CityApp {
  private CityApp() {}

  public static void main(String[] args) {
    App app = new App();
    build(app);
    app.synth();
  }

  /** The stack exactly as `cdk synth` builds it, with AwsSolutions checks; tests synthesize this too. */
  public static CityStack build(App app) {
    return build(app, Catalog.standard());
  }

  static CityStack build(App app, Catalog catalog) {
    CityStack stack = new CityStack(app, Settings.from(app.getNode(), catalog), catalog);
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    return stack;
  }
}
