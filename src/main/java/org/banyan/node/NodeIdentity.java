package org.banyan.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This node: an id kept in its data folder (so a restarted node is the same node, with the same
 * search index), and a name for people ({@code BANYAN_NODE_NAME}, else host and port).
 */
@Component
class NodeIdentity {

  private final String id;
  private final String configuredName;
  private final Environment environment;

  NodeIdentity(
      @Value("${banyan.data-dir}") Path dataDir,
      @Value("${banyan.node.name:}") String name,
      Environment environment) {
    this.id = readOrCreate(dataDir.resolve("node-id"));
    this.configuredName = name.strip();
    this.environment = environment;
  }

  private static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file).strip();
        if (!stored.isEmpty()) {
          return stored;
        }
      }
      Files.createDirectories(file.getParent());
      String made = UUID.randomUUID().toString();
      Files.writeString(file, made);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write this node's id in " + file, e);
    }
  }

  public String id() {
    return id;
  }

  /** The configured name, else host name and port. */
  public String name() {
    if (!configuredName.isEmpty()) {
      return configuredName;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String port = environment.getProperty("local.server.port");
    return port == null ? host : host + ":" + port;
  }
}
