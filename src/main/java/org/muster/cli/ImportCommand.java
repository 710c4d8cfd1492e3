package org.muster.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.muster.people.ImportReport;
import org.muster.people.PeopleImport;
import org.muster.people.RegisterExport;
import org.muster.people.RowProblem;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.shared.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        description = "Import a list of people (CSV or XLSX) into a post's register, with the source's saved"
                + " column mapping. Prints a line for every refused value; exits with 1 only when the file as"
                + " a whole is refused.",
        mixinStandardHelpOptions = true)
class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--post", required = true, description = "The post's code, e.g. KBL.")
    String post;

    @Option(names = "--source", description = "The list's name (default: the file name without extension).")
    String source;

    @Option(names = "--report", description = "Also write the refused values to this CSV file (row,field,reason).")
    Path report;

    @Parameters(index = "0", description = "The CSV or XLSX file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(file)) {
            throw new InvalidInputException("FILE", "cannot read " + file);
        }
        Post target = MusterCommandLine.bean(Posts.class)
                .findByCode(post)
                .orElseThrow(() -> new InvalidInputException("--post", "no post with code " + post));
        String name = file.getFileName().toString();
        String sourceName = source != null ? source : name.replaceFirst("\\.[^.]+$", "");
        byte[] content = Files.readAllBytes(file);
        var out = spec.commandLine().getOut();
        ImportReport result;
        long started = System.nanoTime();
        try {
            result = MusterCommandLine.bean(PeopleImport.class).importFile(target.id(), sourceName, name, content);
        } catch (InvalidInputException refused) {
            spec.commandLine().getErr().println("Refused: " + name + " " + refused.reason());
            return 1;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.printf(
                "Imported %s into %s as import #%d in %d ms: %d rows, %d added, %d updated, %d unchanged, %d refused,"
                        + " %d empty.%n",
                name,
                target.code(),
                result.importId(),
                millis,
                result.rows(),
                result.added(),
                result.updated(),
                result.unchanged(),
                result.rejected(),
                result.emptyRows().size());
        if (!result.unmappedHeadings().isEmpty()) {
            out.println("Columns not imported: " + String.join(", ", result.unmappedHeadings()));
        }
        for (RowProblem p : result.problems()) {
            out.printf("row %d, %s: %s%n", p.row(), p.field(), p.reason());
        }
        if (report != null) {
            StringBuilder csv = new StringBuilder("row,field,reason\n");
            for (RowProblem p : result.problems()) {
                csv.append(p.row()).append(',');
                RegisterExport.csvCell(csv, p.field()).append(',');
                RegisterExport.csvCell(csv, p.reason()).append('\n');
            }
            Files.writeString(report, csv, StandardCharsets.UTF_8);
            out.println("Report written to " + report);
        }
        return 0;
    }
}
