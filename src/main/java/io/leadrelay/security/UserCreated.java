package io.leadrelay.security;

/**
 * A user was added. Published in the transaction that added it, so that what listens (the
 * audit trail) commits or rolls back with the user.
 *
 * @param username the new user
 * @param role what the user may do
 * @param actor who added it: a user name, or {@code system}
 * @param reason why it was added, such as {@code bootstrap} for the first start's admin
 */
public record UserCreated(String username, Role role, String actor, String reason) {

}
