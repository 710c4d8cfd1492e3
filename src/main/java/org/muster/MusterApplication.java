package org.muster;

import org.muster.cli.MusterCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Serves the web application, or runs a command when the first argument names one. */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class MusterApplication {
    public static void main(String[] args) {
        // Jakarta Mail looks its StreamProvider up on every encoder it makes (several per e-mail): the
        // system property first, else a ServiceLoader scan of every jar, which inside the executable jar
        // opened nested-jar URLs for a third of the e-mail senders' CPU (JFR, the sending bench). Naming
        // the provider Angus Mail registers makes the lookup a loaded-class check.
        System.getProperties()
                .putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        if (MusterCommandLine.isCommand(args)) {
            System.exit(MusterCommandLine.run(MusterApplication.class, args));
        }
        SpringApplication.run(MusterApplication.class, args);
    }
}
