package dev.kesgen.bench;

import dev.kesgen.CheckResult;
import dev.kesgen.GenerateRequest;
import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One in-process run, for profiling: {@code generate|check <dir> [repeat]} on {@code <dir>/topology.yaml} at a fixed
 * clock; prints the wall time of each repetition in milliseconds.
 */
public final class Run {
  /** The clock every benchmark run uses, so that certificates issued once stay valid for the rest. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private Run() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    GenerateRequest request = GenerateRequest.of(dir.resolve("topology.yaml")).withClock(CLOCK);
    for (int i = 0; i < repeat; i++) {
      long start = System.nanoTime();
      String what;
      if (args[0].equals("check")) {
        CheckResult result = Kesgen.check(request, Optional.empty());
        what = result.findings().size() + " finding(s)";
      } else {
        GenerateResult result = Kesgen.generate(request);
        what = result.written().size() + " written";
      }
      System.out.println(args[0] + " " + (System.nanoTime() - start) / 1_000_000 + " ms, " + what);
    }
  }
}
