/** Users, roles and schools, sign-in with its throttling, and the audit log. */
package org.banyan.account;
