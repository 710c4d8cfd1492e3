package org.muster.cli;

import java.util.concurrent.Callable;
import org.muster.audit.AuditVerification;
import org.muster.audit.AuditVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        description = "Work with the audit log.",
        subcommands = AuditCommand.Verify.class,
        mixinStandardHelpOptions = true)
class AuditCommand {

    @Command(
            name = "verify",
            description = "Check the hash chain; exit 1 and name the first broken link if it is broken.",
            mixinStandardHelpOptions = true)
    static class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AuditVerification result =
                    MusterCommandLine.bean(AuditVerifier.class).verify();
            if (result.intact()) {
                spec.commandLine().getOut().println("Audit chain intact: " + result.checked() + " entries verified.");
                return 0;
            }
            var broken = result.firstBreak().orElseThrow();
            spec.commandLine().getOut().println("Audit chain BROKEN at entry " + broken.seq() + ": " + broken.reason());
            spec.commandLine().getOut().println(result.checked() + " entries before it verified.");
            return 1;
        }
    }
}
