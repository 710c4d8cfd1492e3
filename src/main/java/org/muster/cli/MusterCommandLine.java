package org.muster.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Runs a subcommand in the same jar without starting the web server. Options of the form
 * {@code --muster.*}, {@code --spring.*} and {@code --logging.*} configure Muster as for the server;
 * the rest belong to the command. Exit codes: 0 done, 1 the command failed (e.g. a broken audit
 * chain), 2 bad arguments.
 */
public final class MusterCommandLine {
    private static ConfigurableApplicationContext context;
    private static final List<String> springArgs = new ArrayList<>();
    private static Class<?> applicationClass;

    private MusterCommandLine() {}

    /** True when the arguments name a subcommand rather than server options. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    public static int run(Class<?> application, String[] args) {
        return run(
                application,
                args,
                new java.io.PrintWriter(System.out, true),
                new java.io.PrintWriter(System.err, true));
    }

    /** Runs a command writing to the given streams; returns the exit code. */
    public static synchronized int run(
            Class<?> application, String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        applicationClass = application;
        springArgs.clear();
        List<String> commandArgs = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--muster.") || a.startsWith("--spring.") || a.startsWith("--logging.")) {
                springArgs.add(a);
            } else {
                commandArgs.add(a);
            }
        }
        CommandLine cli = new CommandLine(new MusterCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof org.muster.shared.InvalidInputException invalid) {
                cmd.getErr().println("Error: " + invalid.getMessage());
                return 2;
            }
            cmd.getErr().println("Error: " + rootMessage(e));
            return 1;
        });
        try {
            return cli.execute(commandArgs.toArray(String[]::new));
        } finally {
            if (context != null) {
                context.close();
                context = null;
            }
            springArgs.clear();
        }
    }

    /** The application context, started on first use, without web server or scheduled work. */
    static synchronized <T> T bean(Class<T> type) {
        if (context == null) {
            // The ahead-of-time processed context is the web server's; a command builds its own.
            System.setProperty("spring.aot.enabled", "false");
            List<String> all = new ArrayList<>(springArgs);
            all.add("--muster.cli=true");
            context = new SpringApplicationBuilder(applicationClass)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties(
                            "logging.level.root=WARN", "logging.level.org.muster=INFO", "spring.main.banner-mode=off")
                    .run(all.toArray(String[]::new));
        }
        return context.getBean(type);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
