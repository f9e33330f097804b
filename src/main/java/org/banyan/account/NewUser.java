package org.banyan.account;

import java.util.List;

/**
 * What it takes to create a user. Roles are given by name so that an unknown one can be refused
 * with a clear reason.
 *
 * @param school a school's id or exact name; null or blank for none
 */
public record NewUser(
    String username, String displayName, String password, List<String> roles, String school) {}
