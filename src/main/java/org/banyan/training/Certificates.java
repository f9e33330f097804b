package org.banyan.training;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.banyan.account.Accounts;
import org.banyan.account.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Certificates of completed modules, checked by their verification code; open to anyone. */
@Service
class Certificates {

  record CertificateRow(
      String username,
      long moduleItemId,
      String moduleLang,
      String moduleSlug,
      int moduleRevision,
      OffsetDateTime completedAt,
      String certificateCode) {}

  private final JdbcClient db;
  private final Accounts accounts;
  private final Modules modules;

  Certificates(JdbcClient db, Accounts accounts, Modules modules) {
    this.db = db;
    this.accounts = accounts;
    this.modules = modules;
  }

  /** The certificate with this code (any letter case), or an invalid one when there is none. */
  public Certificate check(String code) {
    if (code == null || code.length() > 20) {
      return Certificate.invalid();
    }
    return db.sql(
            """
            SELECT username, module_item_id, module_lang, module_slug, module_revision, completed_at,
                   certificate_code
            FROM training_enrolments WHERE certificate_code = :code AND completed_at IS NOT NULL
            """)
        .param("code", code.strip().toUpperCase(Locale.ROOT))
        .query(CertificateRow.class)
        .optional()
        .map(
            row ->
                new Certificate(
                    true,
                    row.certificateCode(),
                    accounts.find(row.username()).map(User::displayName).orElse(row.username()),
                    new ModuleLink(
                        row.moduleSlug(),
                        row.moduleLang(),
                        modules.revision(row.moduleItemId(), row.moduleRevision()).title()),
                    row.completedAt()))
        .orElseGet(Certificate::invalid);
  }
}
