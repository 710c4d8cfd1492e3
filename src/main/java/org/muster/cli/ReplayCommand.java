package org.muster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.muster.decisionpoints.Crossings;
import org.muster.decisionpoints.DecisionPointSet;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.Observations;
import org.muster.decisionpoints.RefusedRow;
import org.muster.decisionpoints.ReplayedCrossing;
import org.muster.decisionpoints.Timeline;
import org.muster.decisionpoints.TimelineMapping;
import org.muster.decisionpoints.TimelineRow;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.shared.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        description = "Replay a dated timeline (CSV) against a file of decision points: prints each crossing in"
                + " date order with the decide-by it sets, in the post's time zone. Writes nothing: the post's"
                + " observations and crossings stay as they are. Exits with 1 when a file is refused as a whole.",
        mixinStandardHelpOptions = true)
class ReplayCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    @Spec
    CommandSpec spec;

    @Option(names = "--post", required = true, description = "The post's code, e.g. KBL (for its time zone).")
    String post;

    @Option(
            names = "--decision-points",
            required = true,
            description = "The decision points, in the file format of docs/decision-points.md.")
    Path decisionPoints;

    @Option(names = "--timeline", required = true, description = "The timeline, CSV in UTF-8 with a heading row.")
    Path timeline;

    @Option(names = "--map", description = "Which column holds which field, e.g. subject=capital,date=reported_date.")
    String map;

    @Override
    public Integer call() throws IOException {
        for (Path file : List.of(decisionPoints, timeline)) {
            if (!Files.isReadable(file)) {
                throw new InvalidInputException("FILE", "cannot read " + file);
            }
        }
        TimelineMapping mapping = TimelineMapping.parse(map);
        Post target = MusterCommandLine.bean(Posts.class)
                .findByCode(post)
                .orElseThrow(() -> new InvalidInputException("--post", "no post with code " + post));
        ZoneId zone = target.timeZone();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DecisionPointSet set;
        Timeline rows;
        try {
            set = MusterCommandLine.bean(DecisionPoints.class).read(Files.readAllBytes(decisionPoints));
        } catch (InvalidInputException refused) {
            err.println("Refused: " + decisionPoints.getFileName() + " " + refused.getMessage());
            return 1;
        }
        try {
            rows = MusterCommandLine.bean(Observations.class).readTimeline(Files.readAllBytes(timeline), mapping, zone);
        } catch (InvalidInputException refused) {
            if (refused.field().equals("mapping")) {
                throw refused;
            }
            err.println("Refused: " + timeline.getFileName() + " " + refused.getMessage());
            return 1;
        }
        out.printf(
                "Replay of %s (%d decision points) against %s for %s, times in %s. Nothing is written.%n",
                decisionPoints.getFileName(), set.decisionPoints().size(), timeline.getFileName(), target.code(), zone);
        out.printf(
                "%d rows: %d read, %d refused, %d empty.%n",
                rows.rows(),
                rows.accepted().size(),
                rows.refused().stream().mapToInt(RefusedRow::row).distinct().count(),
                rows.emptyRows().size());
        for (RefusedRow r : rows.refused()) {
            out.printf("row %d, %s: %s%n", r.row(), r.field(), r.reason());
        }
        Crossings replay = MusterCommandLine.bean(Crossings.class);
        long start = System.nanoTime();
        List<ReplayedCrossing> crossings = replay.replay(set, rows.accepted());
        long nanos = System.nanoTime() - start;
        err.printf(
                Locale.ROOT,
                "replayed %d observations against %d decision points in %.1f ms%n",
                rows.accepted().size(),
                set.decisionPoints().size(),
                nanos / 1e6);
        for (ReplayedCrossing c : crossings) {
            String row = c.observation() instanceof TimelineRow t ? ", row " + t.row() : "";
            out.printf(
                    "%s  %s  %s: %s (%s %s%s)  decide by %s%n",
                    TIME.format(c.crossedAt().atZone(zone)),
                    c.key(),
                    c.title(),
                    c.value(),
                    c.observation().subject(),
                    c.observation().event(),
                    row,
                    TIME.format(c.decideBy().atZone(zone)));
        }
        out.printf("%d crossing%s.%n", crossings.size(), crossings.size() == 1 ? "" : "s");
        return 0;
    }
}
