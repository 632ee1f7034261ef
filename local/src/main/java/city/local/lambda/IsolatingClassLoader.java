package city.local.lambda;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of one function's execution environment. The function code (every {@code city.*}
 * class outside the twin) is loaded afresh, so static state such as the once-per-environment AWS clients
 * and the loaded city file belongs to this function and this twin only, as in Lambda where each function
 * runs in its own JVM. Libraries (SDK, Jackson, Lambda event types) are shared from the parent, so events
 * and responses cross the boundary as the same classes.
 */
final class IsolatingClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  IsolatingClassLoader(String name, URL functionCode, ClassLoader parent) {
    super(name, new URL[] {functionCode}, parent);
  }

  static boolean isFunctionCode(String className) {
    return className.startsWith("city.") && !className.startsWith("city.local.");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!isFunctionCode(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        try {
          loaded = findClass(name);
        } catch (ClassNotFoundException notFunctionCode) {
          loaded = super.loadClass(name, false);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }
}
