package org.banyan.search;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The search's own threads: daemons, named for what they do, so a thread dump tells them apart. */
final class SearchThreads {

  private SearchThreads() {}

  /** Threads all named {@code name}, for an executor of one thread. */
  static ThreadFactory named(String name) {
    return task -> daemon(task, name);
  }

  /** Threads named {@code prefix-1}, {@code prefix-2}..., for an executor of several. */
  static ThreadFactory numbered(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> daemon(task, prefix + "-" + count.incrementAndGet());
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
