/**
 * Teacher training: cohorts, assignments of training modules with due dates, the module player,
 * quizzes and practice in class, progress derived from an append-only xAPI statement log, the
 * trainer's dashboard and certificates.
 */
package org.banyan.training;
