package org.banyan.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes have been read, and remembers that it did. */
final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private long count;
  private boolean exceeded;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  long count() {
    return count;
  }

  boolean exceeded() {
    return exceeded;
  }

  private void counted(int n) throws IOException {
    count += n;
    if (count > limit) {
      exceeded = true;
      throw new IOException("File larger than " + limit + " bytes");
    }
  }
}
