package org.muster.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.security.NewUser;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "user",
        description = "Manage accounts.",
        subcommands = UserCommand.Add.class,
        mixinStandardHelpOptions = true)
class UserCommand {

    @Command(
            name = "add",
            description = "Create an account. The password is read from standard input (one line).",
            mixinStandardHelpOptions = true)
    static class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, description = "lower-case letters, digits, '.', '_' or '-'")
        String username;

        @Option(names = "--name", required = true, description = "display name")
        String displayName;

        @Option(names = "--role", required = true, split = ",", description = "one or more of ${COMPLETION-CANDIDATES}")
        List<String> roles;

        @Option(
                names = "--clearance",
                defaultValue = "UNCLASSIFIED",
                description = "UNCLASSIFIED, SBU, CONFIDENTIAL or SECRET (default ${DEFAULT-VALUE})")
        String clearance;

        @Option(names = "--post", split = ",", description = "post codes the account is a member of, e.g. KBL,MZR")
        List<String> postCodes = List.of();

        @Option(names = "--must-change-password", description = "ask for a new password at first sign-in")
        boolean mustChange;

        @Override
        public Integer call() throws Exception {
            Set<Role> roleSet = new HashSet<>();
            for (String r : roles) {
                roleSet.add(Role.parse(r));
            }
            Classification level = Classification.parse(clearance);
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null) {
                throw new InvalidInputException("password", "give the password on standard input");
            }
            Posts posts = MusterCommandLine.bean(Posts.class);
            Set<Long> postIds = new HashSet<>();
            for (String code : postCodes) {
                Post post = posts.findByCode(code)
                        .orElseThrow(() -> new InvalidInputException("post", "no post with code '" + code + "'"));
                postIds.add(post.id());
            }
            long id = MusterCommandLine.bean(UserAccounts.class)
                    .create(new NewUser(username, displayName, password, roleSet, level, postIds, mustChange));
            spec.commandLine().getOut().println("Created account " + username + " (#" + id + ").");
            return 0;
        }
    }
}
