package org.banyan.search;

import java.nio.file.Path;
import org.banyan.content.Markdown;

/** Run as its own process by {@link IndexRecoveryTests}: indexes without end until it is killed. */
public final class IndexCrashWriter {

  private IndexCrashWriter() {}

  public static void main(String[] args) {
    SearchIndex index = new SearchIndex(Path.of(args[0]), new Documents(new Markdown()));
    index.rebuild(SyntheticItems.lessons(200));
    System.out.println("READY");
    System.out.flush();
    for (long id = 201; ; id++) {
      index.put(
          SyntheticItems.lesson(id, "en", "Late lesson " + id, "Written while being killed."));
      if (id % 50 == 0) {
        index.commit();
      }
    }
  }
}
