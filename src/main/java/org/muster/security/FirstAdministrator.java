package org.muster.security;

import java.util.Set;
import org.muster.shared.Classification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On the first start of a server on an empty database (and without demo data), creates the one
 * account {@code admin} with a random one-time password, printed once to standard output. The
 * password must be changed at first sign-in.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccounts accounts;
    private final boolean commandLine;
    private final boolean demo;

    FirstAdministrator(
            UserAccounts accounts,
            @Value("${muster.cli:false}") boolean commandLine,
            @Value("${muster.demo:false}") boolean demo) {
        this.accounts = accounts;
        this.commandLine = commandLine;
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (commandLine || demo || accounts.count() > 0) {
            return;
        }
        String password = OneTimePasswords.generate();
        accounts.create(new NewUser(
                "admin",
                "Administrator",
                password,
                Set.of(Role.ADMINISTRATOR),
                Classification.UNCLASSIFIED,
                Set.of(),
                true));
        log.info("Created the first administrator account 'admin'");
        System.out.println();
        System.out.println("  First start: sign in as 'admin' with the one-time password  " + password);
        System.out.println("  (shown only this once; you will be asked to choose a new password)");
        System.out.println();
    }
}
