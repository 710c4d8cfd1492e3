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
        if (MusterCommandLine.isCommand(args)) {
            System.exit(MusterCommandLine.run(MusterApplication.class, args));
        }
        SpringApplication.run(MusterApplication.class, args);
    }
}
