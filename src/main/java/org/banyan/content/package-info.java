/**
 * Lessons, courses and training modules as content items: immutable revisions, the review workflow,
 * safe Markdown, the taxonomy, and import and export of the {@code content/} folder.
 */
@ApplicationModule(
    displayName = "Content",
    allowedDependencies = {"account", "media", "problem", "web"})
package org.banyan.content;

import org.springframework.modulith.ApplicationModule;
