package org.muster.security;

import org.muster.shared.InvalidInputException;

/** At least 12 characters, not the user name, not a single repeated character. */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;

    private PasswordPolicy() {}

    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password", "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > 256) {
            throw new InvalidInputException("password", "must be at most 256 characters long");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidInputException("password", "must not be the user name");
        }
        if (password.chars().distinct().count() < 4) {
            throw new InvalidInputException("password", "must use at least 4 different characters");
        }
    }
}
