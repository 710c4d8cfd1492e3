package org.muster.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds login outcomes into the lockout counter and the audit log. */
@Component
class LoginEvents {
    private final UserAccounts accounts;

    LoginEvents(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailedLogin(String.valueOf(event.getAuthentication().getName()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof MusterUser user
                && !(event.getAuthentication() instanceof ApiTokenAuthentication)) {
            accounts.recordSuccessfulLogin(user.getUsername());
        }
    }
}
