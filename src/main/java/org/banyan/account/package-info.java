/** Users, roles and schools, sign-in with its throttling, and the audit log. */
@ApplicationModule(
    displayName = "Accounts",
    allowedDependencies = {"problem", "web"})
package org.banyan.account;

import org.springframework.modulith.ApplicationModule;
