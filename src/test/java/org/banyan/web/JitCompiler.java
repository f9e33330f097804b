package org.banyan.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How much the JIT compiler has worked, to tell when a warmed-up server has stopped compiling. On
 * Linux, the CPU time of its threads from {@code /proc} (they are hidden from {@code
 * ThreadMXBean}); elsewhere the JVM's compilation time, which is wall time and counts the waits for
 * a core too: with 8 clients and the server on two cores, it stays near the time that passed while
 * the compiler thread gets a quarter of a core.
 */
final class JitCompiler {

  private static final Path TASKS = Path.of("/proc/self/task");

  /** Linux's USER_HZ, the unit of the times in {@code /proc/<pid>/task/<tid>/stat}. */
  private static final long TICK_NANOS = 10_000_000;

  private JitCompiler() {}

  /** The compiler's time so far, in nanoseconds; only differences mean anything. */
  static long nanos() {
    if (Files.isDirectory(TASKS)) {
      try (Stream<Path> tasks = Files.list(TASKS)) {
        return tasks.mapToLong(JitCompiler::compilerTicks).sum() * TICK_NANOS;
      } catch (IOException | java.io.UncheckedIOException e) {
        // Fall through to the JVM's own figure.
      }
    }
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000;
  }

  /** A thread's user and system ticks if it is a compiler thread ("C2 CompilerThre"), else 0. */
  private static long compilerTicks(Path task) {
    try {
      if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
        return 0;
      }
      String stat = Files.readString(task.resolve("stat"));
      // After the name in parentheses: state (field 3), ..., utime (14), stime (15).
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException threadEnded) {
      return 0;
    }
  }
}
