package org.banyan.account;

import java.util.List;

/**
 * An administrator's change to an existing user.
 *
 * @param school a school's id or exact name; null or blank for none
 */
public record UserChange(String displayName, List<String> roles, String school) {}
