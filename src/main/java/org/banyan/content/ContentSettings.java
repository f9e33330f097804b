package org.banyan.content;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Content settings.
 *
 * @param contentDir the {@code content/} folder; the copy packed into the jar is read when it does
 *     not exist
 * @param referral the deployment's referral contacts, shown under every lesson's safeguarding
 */
@ConfigurationProperties("banyan")
record ContentSettings(
    @DefaultValue("./content") Path contentDir, @DefaultValue Referral referral) {

  /** {@code banyan.referral.contacts[0].name}, {@code .phone}, {@code .note}. */
  record Referral(List<ReferralContact> contacts) {
    Referral {
      contacts =
          contacts == null || contacts.isEmpty()
              ? List.of(
                  new ReferralContact(
                      "全国心理援助热线 National psychological assistance hotline",
                      "12356",
                      "24小时 / 24 hours"))
              : List.copyOf(contacts);
    }
  }
}
