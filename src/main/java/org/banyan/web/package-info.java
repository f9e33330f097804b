/** Theme resolution, page layout, languages, the home page and the error shape of pages and API. */
@ApplicationModule(
    displayName = "Web",
    allowedDependencies = {"problem"})
package org.banyan.web;

import org.springframework.modulith.ApplicationModule;
