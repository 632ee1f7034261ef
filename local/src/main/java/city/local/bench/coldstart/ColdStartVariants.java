package city.local.bench.coldstart;

import city.platform.AwsClients;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --variants}: for one subject, what jar trimming, class preloading and lazy wiring could buy, each measured the
 * same way as the plain start. A training run logs every class the JVM loads ({@code -Xlog:class+load}); from it
 * <ul>
 *   <li><b>trimmed</b>: a jar holding only the classes of the shaded jar that the training run loaded, with every
 *       resource (service files, endpoint rules), and the same start from it; its answer must equal the plain one;</li>
 *   <li><b>preload</b>: the plain jar, with a second thread loading the training run's class list (every class not
 *       served by the JDK's CDS archive) while the main thread starts the handler;</li>
 *   <li><b>wiring</b>: one more run that names the platform clients the constructor built and the services the
 *       invocation called: a client built in init and never called is what building on first use would save.</li>
 * </ul>
 */
final class ColdStartVariants {
  private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source: (.+)$");

  /** What the variants of one subject measured. */
  record Measured(String name, long jarBytes, long trimmedJarBytes, int classesFromJar, List<Long> trimmedMillis,
      String trimmedAnswer, List<Long> preloadMillis, String wiring) {}

  private ColdStartVariants() {}

  static Measured measure(ColdStartBench.Subject subject, Path jar, Path launcherJar, String javaToolOptions, int runs,
      Path work, int index) throws IOException, InterruptedException {
    String plainClassPath = jar + File.pathSeparator + launcherJar;
    Path log = work.resolve("subject-" + index + "-classes.log");
    Child.run(plainClassPath, subject, javaToolOptions + " -Xlog:class+load=info:file=" + log);
    Map<String, String> loaded = loadedClasses(log);
    String jarSource = "file:" + jar.toAbsolutePath();
    Set<String> fromJar = new LinkedHashSet<>();
    loaded.forEach((name, source) -> {
      if (source.equals(jarSource)) {
        fromJar.add(name);
      }
    });

    Path trimmed = work.resolve("subject-" + index + "-trimmed.jar");
    trim(jar, fromJar, trimmed);
    String trimmedClassPath = trimmed + File.pathSeparator + launcherJar;
    List<Long> trimmedMillis = new ArrayList<>();
    String trimmedAnswer = "";
    for (int run = 0; run < runs; run++) {
      Child child = Child.run(trimmedClassPath, subject, javaToolOptions);
      trimmedMillis.add(child.millis());
      trimmedAnswer = child.answer();
    }

    Path classList = work.resolve("subject-" + index + "-preload.txt");
    List<String> preloadable = new ArrayList<>();
    loaded.forEach((name, source) -> {
      if (!source.equals("shared objects file") && !source.startsWith("__") && !name.contains("$$Lambda")) {
        preloadable.add(name);
      }
    });
    Files.write(classList, preloadable);
    List<Long> preloadMillis = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      preloadMillis.add(Child.run(plainClassPath, subject,
          javaToolOptions + " -D" + ColdStartLauncher.PRELOAD + "=" + classList).millis());
    }

    String wiring = "";
    if (subject.launcherArgs().get(0).equals("handler")) {
      Map<String, String> recorded = new LinkedHashMap<>(subject.variables());
      recorded.put(AwsClients.SDK_INTERCEPTORS, RequestRecorder.class.getName());
      wiring = Child.run(plainClassPath, new ColdStartBench.Subject(subject.name(), subject.launcherArgs(), recorded),
          javaToolOptions + " -D" + ColdStartLauncher.WIRING + "=true").wiring();
    }
    return new Measured(subject.name(), Files.size(jar), Files.size(trimmed), fromJar.size(), trimmedMillis, trimmedAnswer,
        preloadMillis, wiring);
  }

  /** Class name to where it came from, in load order, from a {@code -Xlog:class+load=info} file. */
  static Map<String, String> loadedClasses(Path log) throws IOException {
    Map<String, String> loaded = new LinkedHashMap<>();
    try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Matcher matcher = LOADED.matcher(line);
        if (matcher.find()) {
          loaded.putIfAbsent(matcher.group(1), matcher.group(2).trim());
        }
      }
    }
    if (loaded.isEmpty()) {
      throw new IllegalStateException("the training run logged no class loads to " + log);
    }
    return loaded;
  }

  /** Copies every resource of {@code jar} and only the listed classes (multi-release versions included). */
  static void trim(Path jar, Set<String> classes, Path out) throws IOException {
    try (JarFile in = new JarFile(jar.toFile()); JarOutputStream target = new JarOutputStream(Files.newOutputStream(out))) {
      Enumeration<JarEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory() || (entry.getName().endsWith(".class") && !classes.contains(className(entry.getName())))) {
          continue;
        }
        target.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream bytes = in.getInputStream(entry)) {
          bytes.transferTo(target);
        }
        target.closeEntry();
      }
    }
  }

  /** {@code a/b/C$D.class} and {@code META-INF/versions/11/a/b/C$D.class} are both {@code a.b.C$D}. */
  static String className(String entryName) {
    String path = entryName.startsWith("META-INF/versions/")
        ? entryName.substring(entryName.indexOf('/', "META-INF/versions/".length()) + 1) : entryName;
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
