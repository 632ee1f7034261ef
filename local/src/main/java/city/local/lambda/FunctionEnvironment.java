package city.local.lambda;

import city.catalog.FunctionSpec;
import city.platform.Config;
import city.platform.Json;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function's execution environment: its own class loader and ONE handler instance, created with the
 * no-arg constructor on first use (Lambda's init phase). Invocations may run concurrently, up to the
 * function's reserved concurrency.
 */
public final class FunctionEnvironment implements AutoCloseable {
  /** Parallel invocations of a function without reserved concurrency. */
  static final int DEFAULT_CONCURRENCY = 8;
  private static final Logger LOG = LoggerFactory.getLogger(FunctionEnvironment.class);
  /** Where function code reads its environment; loaded per function, so each has its own. */
  private static final String CONFIG_CLASS = Config.class.getName();

  private final FunctionSpec spec;
  private final IsolatingClassLoader loader;
  private final Semaphore concurrency;
  private final Supplier<Map<String, String>> variables;
  private final InvocationObserver observer;
  private volatile RequestHandler<Object, Object> handler;
  private volatile Class<?> inputType;

  FunctionEnvironment(FunctionSpec spec, URL functionCode, ClassLoader parent, Supplier<Map<String, String>> variables,
      InvocationObserver observer) {
    this.spec = spec;
    this.variables = variables;
    this.observer = observer;
    this.loader = new IsolatingClassLoader("function-" + spec.id(), functionCode, parent);
    this.concurrency = new Semaphore(concurrency(spec), true);
  }

  static int concurrency(FunctionSpec spec) {
    return spec.reservedConcurrency() > 0 ? spec.reservedConcurrency() : DEFAULT_CONCURRENCY;
  }

  public FunctionSpec spec() {
    return spec;
  }

  /** Runs the handler once, on the calling thread, and returns its result; exceptions are the handler's own. */
  public Object invoke(Object event) {
    RequestHandler<Object, Object> instance = handler();
    Object input = inputType.isInstance(event) ? event : Json.MAPPER.convertValue(event, inputType);
    concurrency.acquireUninterruptibly();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    long started = System.nanoTime();
    try {
      return observer.observe(spec, () -> instance.handleRequest(input, new LambdaContext(spec)));
    } finally {
      thread.setContextClassLoader(previous);
      concurrency.release();
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (millis > spec.timeoutSeconds() * 1000L) {
        LOG.warn("{} ran {} ms, over its {} s timeout: Lambda would have stopped it", spec.id(), millis, spec.timeoutSeconds());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private RequestHandler<Object, Object> handler() {
    RequestHandler<Object, Object> instance = handler;
    if (instance == null) {
      synchronized (this) {
        if (handler == null) {
          Thread thread = Thread.currentThread();
          ClassLoader previous = thread.getContextClassLoader();
          thread.setContextClassLoader(loader);
          try {
            useEnvironment();
            Class<?> type = Class.forName(spec.handlerClass(), true, loader);
            if (!RequestHandler.class.isAssignableFrom(type)) {
              throw new IllegalStateException(spec.handlerClass() + " is not a RequestHandler");
            }
            inputType = HandlerInput.typeOf(type);
            handler = (RequestHandler<Object, Object>) type.getDeclaredConstructor().newInstance();
          } catch (InvocationTargetException e) {
            // the init phase itself failed (a missing variable, say): say why, as Lambda's init error does
            throw new IllegalStateException("cannot create handler " + spec.handlerClass() + " of " + spec.id() + ": "
                + e.getCause(), e.getCause());
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create handler " + spec.handlerClass() + " of " + spec.id() + ": " + e, e);
          } finally {
            thread.setContextClassLoader(previous);
          }
        }
        instance = handler;
      }
    }
    return instance;
  }

  /** Lambda sets the environment before the init phase: this function's copy of Config gets it first. */
  private void useEnvironment() throws ReflectiveOperationException {
    Class<?> config = Class.forName(CONFIG_CLASS, true, loader);
    config.getMethod("useEnvironment", Map.class).invoke(null, variables.get());
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.debug("closing the class loader of {}", spec.id(), e);
    }
  }
}
