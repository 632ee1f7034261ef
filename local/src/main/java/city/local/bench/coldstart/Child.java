package city.local.bench.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One cold-start child JVM: spawned with only its function's environment, read until its launcher line. */
/**
 * @param initMillis from spawning to the end of the handler's constructor; -1 for a baseline
 * @param wiring the launcher's wiring report ({@code built=... called=...}), empty unless asked for
 */
record Child(long millis, long initMillis, String answer, String wiring) {
  private static final long TIMEOUT_SECONDS = 120;

  static Child run(String classPath, ColdStartBench.Subject subject, String javaToolOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    command.add(ColdStartLauncher.class.getName());
    command.add(subject.launcherArgs().get(0));
    int spawnedAtIndex = command.size();
    command.add("0");
    command.addAll(subject.launcherArgs().subList(1, subject.launcherArgs().size()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    // Lambda gives a function its own variables only; nothing of this shell leaks into the measurement.
    builder.environment().clear();
    builder.environment().putAll(subject.variables());
    builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
    command.set(spawnedAtIndex, Long.toString(System.currentTimeMillis()));
    builder.command(command);
    Process process = builder.start();
    String line = null;
    String wiring = "";
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String read = out.readLine(); read != null; read = out.readLine()) {
        if (read.startsWith(ColdStartLauncher.LINE + " ")) {
          line = read;
        } else if (read.startsWith(ColdStartLauncher.WIRING_LINE + " ")) {
          wiring = read.substring(ColdStartLauncher.WIRING_LINE.length() + 1);
        }
      }
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(subject.name() + ": child JVM did not end within " + TIMEOUT_SECONDS + " s");
    }
    if (line == null) {
      throw new IllegalStateException(subject.name() + ": child JVM exited " + process.exitValue() + " without a result line");
    }
    Child child = parse(line);
    return new Child(child.millis(), child.initMillis(), child.answer(), wiring);
  }

  /** {@code COLDSTART ms=N [init=M] answer=TEXT}. */
  static Child parse(String line) {
    String rest = line.substring(ColdStartLauncher.LINE.length() + 1);
    int answerAt = rest.indexOf(" answer=");
    if (!rest.startsWith("ms=") || answerAt < 0) {
      throw new IllegalArgumentException("not a launcher line: " + line);
    }
    String[] times = rest.substring(0, answerAt).split(" ");
    long init = -1;
    if (times.length == 2 && times[1].startsWith("init=")) {
      init = Long.parseLong(times[1].substring("init=".length()));
    } else if (times.length != 1) {
      throw new IllegalArgumentException("not a launcher line: " + line);
    }
    return new Child(Long.parseLong(times[0].substring(3)), init, rest.substring(answerAt + " answer=".length()), "");
  }
}
