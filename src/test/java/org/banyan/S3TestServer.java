package org.banyan;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3-speaking server for tests: S3Proxy over HTTP on a free local port, keeping objects in
 * memory, with signed requests required. Started before the Spring context that needs it.
 */
public final class S3TestServer {

  public static final String ACCESS_KEY = "banyan-test-access";
  public static final String SECRET_KEY = "banyan-test-secret-key-0123456789";

  private final S3Proxy proxy;

  private S3TestServer(S3Proxy proxy) {
    this.proxy = proxy;
  }

  public static S3TestServer start() {
    return start(0);
  }

  /** Starts a server on {@code port}, 0 for any free one. */
  public static S3TestServer start(int port) {
    try {
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(new TransientNio2BlobStore())
              .endpoint(URI.create("http://127.0.0.1:" + port))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
              .build();
      proxy.start();
      for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) {
        Thread.sleep(20);
      }
      return new S3TestServer(proxy);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the S3 test server", e);
    }
  }

  public int port() {
    return proxy.getPort();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  public void stop() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
