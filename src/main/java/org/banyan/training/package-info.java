/**
 * Teacher training: cohorts, assignments of training modules with due dates, the module player,
 * quizzes and practice in class, progress derived from an append-only xAPI statement log, the
 * trainer's dashboard and certificates.
 */
@ApplicationModule(
    displayName = "Teacher training",
    allowedDependencies = {
      "account",
      "content :: catalog",
      "content :: previews",
      "course",
      "media",
      "problem",
      "web"
    })
package org.banyan.training;

import org.springframework.modulith.ApplicationModule;
