package city.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A test function that throws a checked exception the compiler does not see, as some libraries do. */
public class SneakyHandler implements RequestHandler<Object, Object> {
  @Override
  public Object handleRequest(Object event, Context context) {
    return SneakyHandler.<RuntimeException>sneak(new java.io.IOException("disk unplugged"));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> Object sneak(Throwable e) throws E {
    throw (E) e;
  }
}
