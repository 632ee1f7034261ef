package city.screens.api;

import city.platform.City;
import city.platform.Config;
import city.platform.Endpoint;
import city.platform.FunctionVariables;
import city.platform.HttpApiHandler;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.SiteFiles;
import city.screens.core.WebConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console, the citizen app and their libraries ({@link SiteFiles}) from the folder in
 * {@value FunctionVariables#WEB_ROOT} (the checkout in the twin, the layer in the cloud), and
 * {@code /web/config.json} from the city file and the OpenID Connect settings CDK gives the function.
 */
public final class WebAssetsHandler extends HttpApiHandler {
  /** Every route of the function: a page's folder with and without its slash, and the shared files under /web/. */
  public static final List<String> PATHS = List.of("/console", "/console/{proxy+}", "/app", "/app/{proxy+}", "/web/{proxy+}");
  public static final List<String> METHODS = List.of("GET", "HEAD");

  public WebAssetsHandler() {
    this(memoized(() -> new SiteFiles(Path.of(Config.required(FunctionVariables.WEB_ROOT)),
        Map.of(WebConfig.PATH, WebConfig.of(City.current(), oidc())))));
  }

  /** @param site built on the first request: building the handler reads no file (SnapStart snapshots it) */
  public WebAssetsHandler(Supplier<SiteFiles> site) {
    super(METHODS.stream().flatMap(method -> PATHS.stream()
        .map(path -> new Endpoint(method + " " + path, request -> serve(site.get(), method, request)))).toList());
  }

  private static HttpResponse serve(SiteFiles site, String method, HttpRequest request) {
    SiteFiles.Answer answer = site.answer(method, request.path(), request.header("if-none-match"));
    HttpResponse response = HttpResponse.of(answer.status(), answer.body());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      response = response.withHeader(header.getKey(), header.getValue());
    }
    return response;
  }

  private static Optional<WebConfig.Oidc> oidc() {
    return Config.optional(FunctionVariables.OIDC_ISSUER)
        .map(issuer -> new WebConfig.Oidc(issuer, Config.required(FunctionVariables.OIDC_CLIENT_ID),
            Config.optional(FunctionVariables.OIDC_SCOPE).orElse(WebConfig.Oidc.DEFAULT_SCOPE)));
  }

  private static <T> Supplier<T> memoized(Supplier<T> make) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T made = value;
        if (made == null) {
          synchronized (this) {
            made = value;
            if (made == null) {
              made = make.get();
              value = made;
            }
          }
        }
        return made;
      }
    };
  }
}
