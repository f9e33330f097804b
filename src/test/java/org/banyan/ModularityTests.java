package org.banyan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

  @Test
  void featuresUseEachOtherOnlyThroughTheirPublicFace() {
    ApplicationModules.of(BanyanApplication.class).verify();
  }
}
