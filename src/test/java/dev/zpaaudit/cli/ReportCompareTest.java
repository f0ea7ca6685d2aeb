package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report compare: new, fixed and unchanged findings between two audits of the same firewall. */
class ReportCompareTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** The firewall's export at one path, audited as it was at two times. */
  private static Path audit(Path tmp, String sample, String report) throws Exception {
    Path fw = tmp.resolve("fw.xml");
    Files.copy(Path.of("sample-configs/panos/" + sample), fw, StandardCopyOption.REPLACE_EXISTING);
    Run r =
        run(
            "audit",
            "--config",
            fw.toString(),
            "--connector",
            "10.20.0.0/24",
            "--resolver",
            "203.0.113.53",
            "--format",
            "json");
    Path out = tmp.resolve(report);
    Files.writeString(out, r.out());
    return out;
  }

  @Test
  void findingsAreMatchedByFingerprint(@TempDir Path tmp) throws Exception {
    Path good = audit(tmp, "compliant-firewall.xml", "q1.json");
    Path bad = audit(tmp, "non-compliant-firewall.xml", "q2.json");
    Run worse = run("report", "compare", good.toString(), bad.toString());
    assertThat(worse.code()).isEqualTo(1);
    assertThat(worse.out())
        .startsWith("zpa-audit report compare: 4 new, 0 fixed, 0 unchanged\n")
        .contains("  new        zen-egress      FAIL");
    Run better = run("report", "compare", bad.toString(), good.toString(), "--format", "json");
    assertThat(better.code()).isZero();
    assertThat(better.out()).contains("\"schema\" : \"zpa-audit/report-compare/v1\"");
    assertThat(better.out()).contains("\"check\" : \"ssl-bypass\"");
    Run same = run("report", "compare", bad.toString(), bad.toString());
    assertThat(same.code()).isZero();
    assertThat(same.out()).startsWith("zpa-audit report compare: 0 new, 0 fixed, 4 unchanged");
  }

  @Test
  void aTruncatedOrForeignReportIsRefused(@TempDir Path tmp) throws Exception {
    Path good = audit(tmp, "compliant-firewall.xml", "q1.json");
    Path cut = tmp.resolve("cut.json");
    String text = Files.readString(good);
    Files.writeString(cut, text.substring(0, text.length() / 2));
    Run r = run("report", "compare", good.toString(), cut.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(cut + ":");
    Path other = tmp.resolve("other.json");
    Files.writeString(other, "{\"schema\": \"something/else\"}\n");
    Run o = run("report", "compare", other.toString(), good.toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains(other + ":1: error: not a zpa-audit JSON report");
  }
}
