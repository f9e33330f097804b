/**
 * Classes that follow a course lesson by lesson, the delivery log, and how far schools have got.
 */
@ApplicationModule(
    displayName = "Courses and classes",
    allowedDependencies = {"account", "content :: catalog", "problem"})
package org.banyan.course;

import org.springframework.modulith.ApplicationModule;
