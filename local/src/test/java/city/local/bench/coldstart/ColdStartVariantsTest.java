package city.local.bench.coldstart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartVariantsTest {
  @TempDir
  Path dir;

  @Test
  void readsTheLaunchersLineWithItsInitTime() {
    Child child = Child.parse("COLDSTART ms=812 init=530 answer=HTTP 200");
    assertEquals(812, child.millis());
    assertEquals(530, child.initMillis());
    assertEquals("HTTP 200", child.answer());
    assertEquals(-1, Child.parse("COLDSTART ms=812 answer=x").initMillis());
    assertThrows(IllegalArgumentException.class, () -> Child.parse("COLDSTART ms=812 init=1 extra=2 answer=x"));
  }

  @Test
  void theClassLoadLogGivesEachClassItsSourceInLoadOrder() throws IOException {
    Path log = dir.resolve("classes.log");
    Files.writeString(log, String.join("\n",
        "[0.010s][info][class,load] java.lang.Object source: shared objects file",
        "[0.142s][info][class,load] sun.nio.cs.UTF_8$Encoder source: jrt:/java.base",
        "[0.331s][info][class,load] city.platform.Json source: file:/x/lambda.jar",
        "[0.400s][info][class,load] city.platform.Json$$Lambda$14/0x0000000800c0b000 source: city.platform.Json",
        "[0.401s][info][gc] not a class line"), StandardCharsets.UTF_8);
    Map<String, String> loaded = ColdStartVariants.loadedClasses(log);
    assertEquals(List.of("java.lang.Object", "sun.nio.cs.UTF_8$Encoder", "city.platform.Json",
        "city.platform.Json$$Lambda$14/0x0000000800c0b000"), List.copyOf(loaded.keySet()));
    assertEquals("file:/x/lambda.jar", loaded.get("city.platform.Json"));
    Files.writeString(log, "[0.401s][info][gc] nothing loaded");
    assertThrows(IllegalStateException.class, () -> ColdStartVariants.loadedClasses(log));
  }

  @Test
  void theTrimmedJarKeepsEveryResourceAndOnlyTheListedClasses() throws IOException {
    Path jar = dir.resolve("full.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("META-INF/services/a.B", "a/Used.class", "a/Used$Inner.class", "a/Unused.class",
          "META-INF/versions/11/a/Used.class", "META-INF/versions/11/a/Unused.class", "codegen-resources/rules.json")) {
        out.putNextEntry(new JarEntry(name));
        out.write(name.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    Path trimmed = dir.resolve("trimmed.jar");
    ColdStartVariants.trim(jar, Set.of("a.Used", "a.Used$Inner"), trimmed);
    try (JarFile in = new JarFile(trimmed.toFile())) {
      assertEquals(List.of("META-INF/services/a.B", "a/Used.class", "a/Used$Inner.class", "META-INF/versions/11/a/Used.class",
          "codegen-resources/rules.json"), Collections.list(in.entries()).stream().map(JarEntry::getName).toList());
    }
  }

  @Test
  void wiringNamesTheClientsBuiltInInitAndTheServicesCalled() {
    assertArrayEquals(new String[] {"dynamoDb,eventBridge", "DynamoDB"},
        ColdStartBench.wiringParts("built=dynamoDb,eventBridge called=DynamoDB"));
    assertArrayEquals(new String[] {"none", "none"}, ColdStartBench.wiringParts("built= called="));
  }

  @Test
  void theVariantsTableComparesEachVariantWithTheSameSubjectsPlainStart() {
    ColdStartVariants.Measured variants = new ColdStartVariants.Measured("Fn", 12_000_000, 6_000_000, 2100,
        List.of(900L, 1000L, 1100L), "HTTP 200", List.of(1500L, 1600L, 1700L), "built=dynamoDb called=DynamoDB");
    List<ColdStartBench.Measured> measured = List.of(
        new ColdStartBench.Measured(ColdStartBench.SDK, List.of(1000L), List.of(), List.of(), "GetItem no item", Optional.empty()),
        new ColdStartBench.Measured("Fn", List.of(2000L, 2000L, 2000L), List.of(1200L), List.of(), "HTTP 200",
            Optional.of(variants)));
    List<String> lines = ColdStartBench.variantsTable(measured).render().lines().toList();
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(1).matches("Fn\\s+2000\\s+1200\\s+12\\.0\\s+6\\.0 \\(2100 classes\\)\\s+1000\\s+0\\.50\\s+1600\\s+0\\.80"
        + "\\s+-\\s+dynamoDb\\s+DynamoDB\\s+same"), lines.get(1));
  }
}
