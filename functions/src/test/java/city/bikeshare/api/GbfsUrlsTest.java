package city.bikeshare.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import city.platform.HttpRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GbfsUrlsTest {
  private static HttpRequest request(String path, Map<String, String> headers) {
    return new HttpRequest("GET /gbfs/gbfs.json", path, Map.of(), Map.of(), headers, null, Optional.empty(), "r");
  }

  @Test
  void hostAndSchemeComeFromTheRequest() {
    assertEquals("https://api.example.org",
        GbfsUrls.baseUrl(request("/gbfs/gbfs.json", Map.of("host", "api.example.org", "x-forwarded-proto", "https")), Optional.empty()));
    assertEquals("http://127.0.0.1:4010",
        GbfsUrls.baseUrl(request("/gbfs/gbfs.json", Map.of("host", "127.0.0.1:4010")), Optional.empty()));
    assertEquals("https://api.example.org",
        GbfsUrls.baseUrl(request("/gbfs/gbfs.json", Map.of("host", "api.example.org")), Optional.empty()),
        "a public host without a forwarded scheme is reached over TLS");
  }

  @Test
  void aStagePrefixIsKept() {
    assertEquals("https://abc.execute-api.cn-north-1.amazonaws.com.cn/prod",
        GbfsUrls.baseUrl(request("/prod/gbfs/gbfs.json",
            Map.of("host", "abc.execute-api.cn-north-1.amazonaws.com.cn", "x-forwarded-proto", "https")), Optional.empty()));
  }

  @Test
  void aConfiguredBaseUrlWins() {
    assertEquals("https://bikes.example.org",
        GbfsUrls.baseUrl(request("/gbfs/gbfs.json", Map.of("host", "api.example.org")), Optional.of("https://bikes.example.org/")));
  }
}
