package io.leadrelay.security;

/**
 * A user's password was changed by its owner. Published in the transaction that changed
 * it, so that its audit entry commits or rolls back with it.
 *
 * @param username whose password it is
 * @param forced whether the change was required (a generated or reset password), rather
 * than the owner's own choice
 */
public record PasswordChanged(String username, boolean forced) {

}
