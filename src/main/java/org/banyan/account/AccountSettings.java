package org.banyan.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passwords given by the deployment.
 *
 * @param adminPassword {@code BANYAN_ADMIN_PASSWORD}: the admin's password on an empty database;
 *     null for a random one printed once
 * @param demoPassword {@code BANYAN_DEMO_PASSWORD}: when set, the demo accounts exist with it; null
 *     otherwise
 */
@ConfigurationProperties("banyan")
record AccountSettings(String adminPassword, String demoPassword) {}
