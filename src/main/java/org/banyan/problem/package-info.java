/**
 * The shared kernel of refusals: an expected failure with its HTTP status ({@link
 * org.banyan.problem.ProblemException}), and refused input naming each field and why ({@link
 * org.banyan.problem.InvalidInput}, {@link org.banyan.problem.Violation}). Every feature may throw
 * them; the web layer turns them into the API's error shape or a themed page.
 */
@ApplicationModule(displayName = "Refusals (shared kernel)", type = ApplicationModule.Type.OPEN)
package org.banyan.problem;

import org.springframework.modulith.ApplicationModule;
