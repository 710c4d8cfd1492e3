package org.muster.cli;

import java.util.concurrent.Callable;
import org.muster.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        description = "Fictional demonstration data.",
        subcommands = DemoCommand.Load.class,
        mixinStandardHelpOptions = true)
class DemoCommand {

    @Command(
            name = "load",
            description = "Load the demo posts KBL and MZR and their accounts (does nothing if already loaded).",
            mixinStandardHelpOptions = true)
    static class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            boolean loaded = MusterCommandLine.bean(DemoData.class).load();
            spec.commandLine()
                    .getOut()
                    .println(
                            loaded
                                    ? "Demo loaded: posts KBL and MZR with their accounts."
                                    : "The demo is already loaded; nothing changed.");
            return 0;
        }
    }
}
