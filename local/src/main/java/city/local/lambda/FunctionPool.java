package city.local.lambda;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The execution environments of a twin, one per declared function. */
public final class FunctionPool implements AutoCloseable {
  private final Map<String, FunctionEnvironment> environments = new LinkedHashMap<>();

  /**
   * @param environment each function's environment variables, asked for when its handler is first created
   * @param observer sees every invocation
   */
  public FunctionPool(List<FunctionSpec> functions, Function<FunctionSpec, Map<String, String>> environment,
      InvocationObserver observer) {
    URL functionCode = Catalog.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader parent = FunctionPool.class.getClassLoader();
    for (FunctionSpec spec : functions) {
      FunctionEnvironment function = new FunctionEnvironment(spec, functionCode, parent, () -> environment.apply(spec), observer);
      if (environments.put(spec.id(), function) != null) {
        throw new IllegalArgumentException("function declared twice: " + spec.id());
      }
    }
  }

  public FunctionEnvironment get(String functionId) {
    FunctionEnvironment environment = environments.get(functionId);
    if (environment == null) {
      throw new IllegalArgumentException("no function " + functionId);
    }
    return environment;
  }

  public List<FunctionEnvironment> all() {
    return List.copyOf(environments.values());
  }

  @Override
  public void close() {
    environments.values().forEach(FunctionEnvironment::close);
  }
}
