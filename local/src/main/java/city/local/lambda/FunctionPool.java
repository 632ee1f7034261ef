package city.local.lambda;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The execution environments of a twin, one per declared function. */
public final class FunctionPool implements AutoCloseable {
  private final Map<String, FunctionEnvironment> environments = new LinkedHashMap<>();

  public FunctionPool(List<FunctionSpec> functions) {
    this(functions, InvocationObserver.NONE);
  }

  public FunctionPool(List<FunctionSpec> functions, InvocationObserver observer) {
    URL functionCode = Catalog.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader parent = FunctionPool.class.getClassLoader();
    for (FunctionSpec spec : functions) {
      if (environments.put(spec.id(), new FunctionEnvironment(spec, functionCode, parent, observer)) != null) {
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
