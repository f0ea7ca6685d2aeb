package dev.zpaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.cli.Main;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium (the Debian package {@code chromium}) reads
 * the report of a sample audit from a file; the page it parsed shows the JSON report's counts, and
 * it draws a screenshot, kept in {@value #ARTEFACTS}. Skipped, saying why, where Chromium is not
 * installed. Only {@code file://} URLs are opened, Chromium's own traffic (updates, sync, metrics)
 * is switched off and no host name resolves, each run has a fresh profile, and a run that does not
 * end is killed.
 */
class HtmlChromiumTest {
  static final String ARTEFACTS = "target/html-report";

  /** Long enough for a loaded machine; only a browser that hangs ever reaches it. */
  private static final long LIMIT_SECONDS = 60;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static final List<String> QUIET =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-default-apps",
          "--disable-extensions",
          "--disable-domain-reliability",
          "--disable-client-side-phishing-detection",
          "--disable-breakpad",
          "--metrics-recording-only",
          // Its update and extension services still look up their hosts without this; with it no
          // name resolves, so nothing is sent.
          "--host-resolver-rules=MAP * ~NOTFOUND",
          "--hide-scrollbars");

  private Path browser;

  @BeforeEach
  void findChromium() {
    Optional<Path> found = onPath("chromium");
    assumeTrue(
        found.isPresent(),
        "chromium is not installed (Debian package chromium, which .ci/run installs):"
            + " the HTML report is not rendered in a browser");
    browser = found.get();
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  record Run(int code, String out, String err) {}

  /** Runs Chromium on one file with a fresh profile under {@code tmp}; kills it if it hangs. */
  Run chromium(Path tmp, Path page, String... args) throws Exception {
    Path work = Files.createTempDirectory(tmp, "chromium-");
    List<String> cmd = new ArrayList<>(List.of(browser.toString()));
    cmd.addAll(QUIET);
    cmd.add("--user-data-dir=" + work.resolve("profile"));
    cmd.addAll(List.of(args));
    cmd.add(page.toUri().toString());
    assertThat(cmd.get(cmd.size() - 1)).startsWith("file:///");
    Path out = work.resolve("stdout");
    Path err = work.resolve("stderr");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile());
    pb.redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
    pb.environment().put("HOME", work.toString());
    Process p = pb.start();
    if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      fail("chromium did not finish within " + LIMIT_SECONDS + " s: " + tail(err));
    }
    return new Run(p.exitValue(), read(out), read(err));
  }

  private static File devNull() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static String tail(Path err) throws IOException {
    String s = read(err);
    return s.substring(Math.max(0, s.length() - 2000));
  }

  /** The non-compliant PAN-OS sample's report as JSON and HTML, from one run. */
  static Path audit(Path dir) {
    String[] args = {
      "audit",
      "--config",
      "sample-configs/panos/non-compliant-firewall.xml",
      "--connector",
      "10.20.0.0/24",
      "--resolver",
      "203.0.113.53",
      "--output",
      dir.toString(),
      "--format",
      "json,html"
    };
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isEqualTo(1);
    return dir;
  }

  @Test
  void theParsedPageShowsTheJsonReportsCounts(@TempDir Path tmp) throws Exception {
    Path dir = audit(tmp.resolve("report"));
    Run r = chromium(tmp, dir.resolve("report.html"), "--dump-dom");
    assertThat(r.code()).as(r.err()).isZero();
    String dom = r.out();
    Map<String, Long> expected =
        HtmlReportTest.jsonCounts(
            new ObjectMapper().readTree(Files.readString(dir.resolve("report.json"))));
    assertThat(expected)
        .containsEntry("summary-fail", 4L)
        .containsEntry("ranges-zen-egress-denied", 26L)
        .containsEntry("ranges-zen-egress-allowed", 1054L);
    assertThat(HtmlReportTest.shownCounts(dom)).isEqualTo(expected);
    assertThat(dom).contains("id=\"overall\" data-status=\"fail\"");
    // Three maps (zen-egress, zen-return, ssl-bypass) of 256 cells each, as parsed by the browser.
    assertThat(dom.split("<div class=\"c ", -1)).hasSize(3 * 256 + 1);
    assertThat(dom).contains("data-block=\"3.0.0.0/8\" title=\"3.0.0.0/8: ");
  }

  @Test
  void aHostileRuleStaysTextInTheBrowser(@TempDir Path tmp) throws Exception {
    Path page = tmp.resolve("hostile.html");
    Files.writeString(page, new HtmlReport().render(HtmlReportTest.sample()));
    Run r = chromium(tmp, page, "--dump-dom");
    assertThat(r.code()).as(r.err()).isZero();
    String dom = r.out().toLowerCase(Locale.ROOT);
    assertThat(dom).doesNotContain("<script").doesNotContain("<img");
    assertThat(dom).contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;img src=x");
    assertThat(HtmlReportTest.shownCounts(r.out()))
        .isEqualTo(
            HtmlReportTest.jsonCounts(
                new ObjectMapper().readTree(new JsonReport().render(HtmlReportTest.sample()))));
  }

  @Test
  void theScreenshotShowsTheMap(@TempDir Path tmp) throws Exception {
    Path dir = audit(tmp.resolve("report"));
    Path shot = Files.createDirectories(Path.of(ARTEFACTS)).resolve("non-compliant-firewall.png");
    Files.deleteIfExists(shot);
    Run r =
        chromium(
            tmp,
            dir.resolve("report.html"),
            "--screenshot=" + shot.toAbsolutePath(),
            "--window-size=1280,2000");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(shot).exists();
    byte[] png = Files.readAllBytes(shot);
    assertThat(Arrays.copyOf(png, PNG.length)).isEqualTo(PNG);
    assertThat(png.length).isGreaterThan(20 * 1024);
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2000);
    // The colours of allowed and denied (the map's cells, the status tags) are drawn.
    assertThat(pixels(image, 0x009E73)).as("allowed pixels").isGreaterThan(10_000);
    assertThat(pixels(image, 0xD55E00)).as("denied pixels").isGreaterThan(500);
  }

  /** How many pixels are within a small distance of the colour. */
  static long pixels(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        int d =
            Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff))
                + Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff))
                + Math.abs((p & 0xff) - (rgb & 0xff));
        if (d <= 6) {
          n++;
        }
      }
    }
    return n;
  }
}
