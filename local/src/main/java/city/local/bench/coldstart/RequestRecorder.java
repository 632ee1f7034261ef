package city.local.bench.coldstart;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Notes the service of every request a cold-start child's clients send (named in {@code SDK_INTERCEPTORS} for the
 * wiring run only): with the clients the constructor built, it shows which of them the first invocation left unused.
 */
public final class RequestRecorder implements ExecutionInterceptor {
  private static final Set<String> SERVICES = new ConcurrentSkipListSet<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SERVICES.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
  }

  static List<String> services() {
    return List.copyOf(SERVICES);
  }
}
