package org.banyan.training;

import java.time.OffsetDateTime;

/**
 * What a certificate's verification code vouches for.
 *
 * @param valid false when no certificate has this code; then every other field is null
 */
public record Certificate(
    boolean valid, String code, String name, ModuleLink module, OffsetDateTime completedAt) {

  static Certificate invalid() {
    return new Certificate(false, null, null, null, null);
  }
}
