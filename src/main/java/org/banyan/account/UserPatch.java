package org.banyan.account;

import java.util.List;

/**
 * An administrator's partial change to a user ({@code PATCH /api/v1/users/{username}}): every field
 * may be null, and a null field is left as it is.
 *
 * @param school a school's id or exact name; blank for none
 */
record UserPatch(Boolean enabled, List<String> roles, String displayName, String school) {}
