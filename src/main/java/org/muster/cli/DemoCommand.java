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
            description =
                    "Load the demo posts KBL and MZR, their accounts, and Kabul's roll-call and messages under way"
                            + " (does nothing if already loaded).",
            mixinStandardHelpOptions = true)
    static class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DemoData demo = MusterCommandLine.bean(DemoData.class);
            boolean loaded = demo.load();
            boolean started = demo.startUnderWay();
            spec.commandLine()
                    .getOut()
                    .println(
                            loaded
                                    ? "Demo loaded: posts KBL and MZR with their accounts; Kabul's roll-call and messages under way."
                                    : started
                                            ? "The demo was loaded; Kabul's roll-call and messages are now under way."
                                            : "The demo is already loaded; nothing changed.");
            return 0;
        }
    }
}
