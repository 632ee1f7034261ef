package city.screens;

import city.catalog.Access;
import city.catalog.CityModule;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.screens.api.WebAssetsHandler;
import java.util.List;

/**
 * The ops console ({@code /console/}), the citizen app ({@code /app/}) and what they share ({@code /web/}) through
 * the HTTP API: public routes (the pages hold no data; the data routes keep their JWT authorizer) to one small
 * function that reads no table. An HTTP API route does not end in a slash and matches a request with or without
 * one, so {@code /console} takes both {@code /console} (redirected) and {@code /console/} (the page).
 */
public final class ScreensModule implements CityModule {
  public static final String FUNCTION_ID = "WebAssets";

  @Override
  public Domain declarations() {
    return new Domain("screens",
        List.of(),
        List.of(FunctionSpec.handledBy(FUNCTION_ID, WebAssetsHandler.class)
            .memoryMb(256).timeoutSeconds(5).reservedConcurrency(10).servesWebFiles()
            .because("the console's and the app's files from a layer, each read and hashed once per execution"
                + " environment: no table, 256 MB; 10 in parallel because a first page load asks for ten files at once")),
        List.of(),
        WebAssetsHandler.METHODS.stream().flatMap(method -> WebAssetsHandler.PATHS.stream()
            .map(path -> new HttpRoute(method, path, FUNCTION_ID, Access.PUBLIC))).toList(),
        List.of());
  }
}
