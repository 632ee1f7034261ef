package city.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web files as a browser gets them: types, validators, cache lifetimes, redirects and what stays private. */
class SiteFilesTest {
  @TempDir Path root;
  private SiteFiles site;

  @BeforeEach
  void checkout() throws Exception {
    write("web/console/index.html", "<!doctype html><title>console</title>");
    write("web/console/console.js", "console.log('x');");
    write("web/app/app.css", "body{}");
    write("web/shared/common.js", "export {};");
    write("node_modules/leaflet/dist/leaflet.js", "L={};");
    write("node_modules/leaflet/dist/images/marker-icon.png", "\u0089PNG");
    write("node_modules/leaflet/dist/leaflet.d.ts", "declare const L: unknown;");
    write("node_modules/leaflet/package.json", "{\"name\":\"leaflet\"}");
    write("pom.xml", "<project/>");
    site = new SiteFiles(root, Map.of("/web/config.json", "{\"cityId\":\"x\"}"));
  }

  @Test
  void eachFileHasItsTypeAndItsCacheLifetime() {
    assertServed("/console/", "text/html; charset=utf-8", SiteFiles.PAGE_CACHE);
    assertServed("/console/console.js", "text/javascript; charset=utf-8", SiteFiles.PAGE_CACHE);
    assertServed("/app/app.css", "text/css; charset=utf-8", SiteFiles.PAGE_CACHE);
    assertServed("/web/shared/common.js", "text/javascript; charset=utf-8", SiteFiles.PAGE_CACHE);
    assertServed("/web/config.json", "application/json", SiteFiles.PAGE_CACHE);
    assertServed("/web/vendor/leaflet/leaflet.js", "text/javascript; charset=utf-8", "public, max-age=604800");
    assertServed("/web/vendor/leaflet/images/marker-icon.png", "image/png", "public, max-age=604800");
  }

  @Test
  void aMatchingIfNoneMatchIsA304WithoutBodyAndAnyOtherGetsTheFile() {
    SiteFiles.Answer first = site.answer("GET", "/console/", Optional.empty());
    String etag = first.headers().get("ETag");
    assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
    SiteFiles.Answer again = site.answer("GET", "/console/", Optional.of("\"other\", " + etag));
    assertEquals(304, again.status());
    assertEquals(0, again.body().length);
    assertEquals(etag, again.headers().get("ETag"));
    assertEquals(SiteFiles.PAGE_CACHE, again.headers().get("Cache-Control"));
    assertEquals(200, site.answer("GET", "/console/", Optional.of("\"stale\"")).status());
  }

  @Test
  void anEditedFileIsServedAtOnceWithANewEtag() throws Exception {
    String before = site.answer("GET", "/console/console.js", Optional.empty()).headers().get("ETag");
    Path file = write("web/console/console.js", "console.log('edited');");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    SiteFiles.Answer after = site.answer("GET", "/console/console.js", Optional.of(before));
    assertEquals(200, after.status());
    assertNotEquals(before, after.headers().get("ETag"));
    assertEquals("console.log('edited');", new String(after.body(), StandardCharsets.UTF_8));
  }

  @Test
  void headHasTheHeadersOfGetAndNoBody() {
    SiteFiles.Answer get = site.answer("GET", "/web/vendor/leaflet/leaflet.js", Optional.empty());
    SiteFiles.Answer head = site.answer("HEAD", "/web/vendor/leaflet/leaflet.js", Optional.empty());
    assertEquals(200, head.status());
    assertEquals(get.headers(), head.headers());
    assertEquals(0, head.body().length);
  }

  @Test
  void aPageFolderWithoutItsSlashIsRedirectedToIt() {
    SiteFiles.Answer answer = site.answer("GET", "/console", Optional.empty());
    assertEquals(301, answer.status());
    assertEquals("/console/", answer.headers().get("Location"));
    assertEquals("/app/", site.answer("GET", "/app", Optional.empty()).headers().get("Location"));
  }

  @Test
  void unknownFilesUnservedTypesAndPathsThatLeaveTheirFolderAre404() {
    for (String path : new String[] {
        "/console/missing.js", "/web/other.json", "/web/vendor/leaflet/leaflet.d.ts",
        "/console/../../pom.xml", "/web/vendor/leaflet/../package.json", "/web/vendor/leaflet/../../../pom.xml",
        "/console/..%2F..%2Fpom.xml", "/console//etc/passwd", "/console/..\\..\\pom.xml", "/app/x\0.css"}) {
      SiteFiles.Answer answer = site.answer("GET", path, Optional.empty());
      assertEquals(404, answer.status(), path);
      assertEquals("{\"message\":\"Not Found\"}", new String(answer.body(), StandardCharsets.UTF_8), path);
    }
  }

  private void assertServed(String path, String type, String cacheControl) {
    SiteFiles.Answer answer = site.answer("GET", path, Optional.empty());
    assertEquals(200, answer.status(), path);
    assertEquals(type, answer.headers().get("Content-Type"), path);
    assertEquals(cacheControl, answer.headers().get("Cache-Control"), path);
    assertEquals("nosniff", answer.headers().get("X-Content-Type-Options"), path);
    assertArrayEquals(site.find(path).orElseThrow().body(), answer.body(), path);
  }

  private Path write(String relative, String text) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    return file;
  }
}
