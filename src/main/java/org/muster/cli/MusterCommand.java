package org.muster.cli;

import picocli.CommandLine.Command;

@Command(
        name = "muster.jar",
        mixinStandardHelpOptions = true,
        version = "Muster 0.1",
        description = "Crisis operations for diplomatic posts. With no command, serves the web application.",
        subcommands = {
            AuditCommand.class,
            DemoCommand.class,
            ImportCommand.class,
            ReplayCommand.class,
            UserCommand.class
        })
class MusterCommand {}
