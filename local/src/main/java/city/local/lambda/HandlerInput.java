package city.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The type a handler's event is converted to, as Lambda's Java runtime finds it: the I of
 * RequestHandler&lt;I, O&gt;. Free of logging and of the twin, so a bare launcher JVM can use it too.
 */
public final class HandlerInput {
  private HandlerInput() {}

  /** The I of RequestHandler&lt;I, O&gt;, found through the class hierarchy; Object when erased. */
  public static Class<?> typeOf(Class<?> handlerType) {
    for (Class<?> type = handlerType; type != null; type = type.getSuperclass()) {
      for (Type implemented : type.getGenericInterfaces()) {
        if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
          Type input = parameterized.getActualTypeArguments()[0];
          if (input instanceof Class<?> c) {
            return c;
          }
          if (input instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return raw;
          }
          return Object.class;
        }
      }
    }
    return Object.class;
  }
}
