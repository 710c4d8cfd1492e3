/*
 * Load generator for the check-in bench (bench/checkins.sh): N workers, each looping synchronously
 * (send, wait for the answer, send the next) against Muster's check-in API for a warm-up and then a
 * fixed measured duration. Single-file program, JDK only:
 *
 *   java bench/CheckInLoad.java --base-url http://localhost:8080 --post CODE --roll-call ID
 *        --members FILE [--mode single|batch] [--workers 8] [--warmup 5] [--duration 20]
 *        [--batch-size 500] [--channel GATE] [--report-window 60] [--watch app=PID,postgres=PID]
 *        [--clk-tck 100]
 *
 * The API token is read from the environment variable MUSTER_TOKEN (so that it does not show in ps).
 * --members is a file of person ids, one a line (the roll-call's members); every check-in names one
 * of them at random. Ids of check-ins are fresh random (version 4) UUIDs made by the client.
 *
 *   single  POST /api/v1/posts/CODE/roll-calls/ID/check-ins with
 *           {"id":uuid,"personId":random member,"status":one of SAFE/NEEDS_HELP/NOT_AT_POST,"channel":GATE}
 *           (no reportedAt: a gate check-in happens now). 201 (recorded) and 200 (a replay) count as
 *           success, any other status as an error.
 *   batch   POST .../check-ins/batch with --batch-size such check-ins, each with a reportedAt up to
 *           --report-window seconds in the past (a gate device uploading after an outage). 200 is a
 *           success; the "recorded" count of each answer is summed.
 *
 * A request belongs to the measurement when it completes inside the window [warm-up end, warm-up end +
 * duration); workers send no new request after the window. Latency is measured around
 * HttpClient.send (request written, answer read completely), for every measured request whatever its
 * status. --watch names processes whose CPU time is read from /proc at the window's edges (a postgres
 * entry counts the postmaster with its reaped and live children, i.e. every backend); the machine's
 * busy time comes from /proc/stat and the generator's own CPU time from the JVM. For a watched JVM the
 * CPU of its JIT compiler threads is reported too (cpu_NAME_jit_s): a server still compiling is not
 * yet at its steady state.
 *
 * Output: key=value lines on standard output (read by bench/checkins.sh), progress on standard error.
 * Exit status 0 when the run completed (errors are reported, not fatal), 2 on bad arguments.
 */

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class CheckInLoad {
    static final String[] STATUSES = {"SAFE", "NEEDS_HELP", "NOT_AT_POST"};
    static final Pattern RECORDED = Pattern.compile("\"recorded\"\\s*:\\s*(\\d+)");

    // options
    static String baseUrl;
    static String post;
    static long rollCall = -1;
    static Path membersFile;
    static String mode = "single";
    static int workers = 8;
    static double warmupS = 5;
    static double durationS = 20;
    static int batchSize = 500;
    static String channel = "GATE";
    static int reportWindowS = 60;
    static Map<String, Long> watch = new LinkedHashMap<>();
    static int clkTck = 100;

    static long[] members;
    static String token;

    /** What one worker saw. */
    static final class Worker implements Runnable {
        final HttpClient client;
        final URI uri;
        final long windowStart;
        final long windowEnd;
        long[] latencies = new long[4096];
        int measured;
        long measuredOk;
        long measuredRecorded;
        long allOk;
        long allRequests;
        long allRecorded;
        long allCreated;
        final Map<String, Long> measuredErrors = new TreeMap<>();
        final Map<String, Long> allErrors = new TreeMap<>();
        final Map<String, String> errorSamples = new TreeMap<>();

        Worker(HttpClient client, URI uri, long windowStart, long windowEnd) {
            this.client = client;
            this.uri = uri;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            StringBuilder body = new StringBuilder(batchSize * 140 + 32);
            while (System.nanoTime() < windowEnd) {
                body.setLength(0);
                if (mode.equals("single")) {
                    appendCheckIn(body, random, null);
                } else {
                    body.append("{\"checkIns\":[");
                    Instant now = Instant.now();
                    for (int i = 0; i < batchSize; i++) {
                        if (i > 0) {
                            body.append(',');
                        }
                        long back = random.nextLong(reportWindowS * 1_000_000L + 1);
                        appendCheckIn(body, random, now.minusNanos(back * 1000));
                    }
                    body.append("]}");
                }
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                        .build();
                long t0 = System.nanoTime();
                String outcome;
                int status = -1;
                String answer = null;
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    answer = response.body();
                    outcome = Integer.toString(status);
                } catch (IOException e) {
                    outcome = "exception " + e.getClass().getSimpleName();
                    answer = String.valueOf(e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long t1 = System.nanoTime();
                boolean ok = mode.equals("single") ? (status == 201 || status == 200) : status == 200;
                long recorded = 0;
                if (ok) {
                    if (mode.equals("single")) {
                        recorded = status == 201 ? 1 : 0;
                    } else {
                        Matcher m = RECORDED.matcher(answer == null ? "" : answer);
                        recorded = m.find() ? Long.parseLong(m.group(1)) : 0;
                    }
                }
                allRequests++;
                if (ok) {
                    allOk++;
                    allRecorded += recorded;
                    if (status == 201) {
                        allCreated++;
                    }
                } else {
                    allErrors.merge(outcome, 1L, Long::sum);
                    errorSamples.putIfAbsent(outcome, abbreviate(answer));
                }
                if (t1 >= windowStart && t1 < windowEnd) {
                    if (measured == latencies.length) {
                        latencies = Arrays.copyOf(latencies, measured * 2);
                    }
                    latencies[measured++] = t1 - t0;
                    if (ok) {
                        measuredOk++;
                        measuredRecorded += recorded;
                    } else {
                        measuredErrors.merge(outcome, 1L, Long::sum);
                    }
                }
            }
        }

        private void appendCheckIn(StringBuilder body, ThreadLocalRandom random, Instant reportedAt) {
            body.append("{\"id\":\"")
                    .append(new UUID(
                            (random.nextLong() & ~0xF000L) | 0x4000L,
                            (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L))
                    .append("\",\"personId\":")
                    .append(members[random.nextInt(members.length)])
                    .append(",\"status\":\"")
                    .append(STATUSES[random.nextInt(STATUSES.length)])
                    .append("\",\"channel\":\"")
                    .append(channel)
                    .append('"');
            if (reportedAt != null) {
                body.append(",\"reportedAt\":\"").append(reportedAt).append('"');
            }
            body.append('}');
        }
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    public static void main(String[] args) throws Exception {
        parse(args);
        token = System.getenv("MUSTER_TOKEN");
        if (token == null || token.isBlank()) {
            usage("set the API token in the environment variable MUSTER_TOKEN");
        }
        try (Stream<String> lines = Files.lines(membersFile)) {
            members = lines.map(String::trim).filter(l -> !l.isEmpty()).mapToLong(Long::parseLong).toArray();
        }
        if (members.length == 0) {
            usage("no person ids in " + membersFile);
        }
        String path = "/api/v1/posts/" + post + "/roll-calls/" + rollCall + "/check-ins"
                + (mode.equals("batch") ? "/batch" : "");
        URI uri = URI.create(baseUrl.replaceAll("/+$", "") + path);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        long start = System.nanoTime();
        long windowStart = start + (long) (warmupS * 1e9);
        long windowEnd = windowStart + (long) (durationS * 1e9);
        List<Worker> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Worker w = new Worker(client, uri, windowStart, windowEnd);
            all.add(w);
            Thread t = new Thread(w, "worker-" + i);
            threads.add(t);
        }
        System.err.printf(
                "CheckInLoad: %s, %d workers, %.0f s warm-up + %.0f s measured, %d members, POST %s%n",
                mode, workers, warmupS, durationS, members.length, uri);
        threads.forEach(Thread::start);

        sleepUntil(windowStart);
        Cpu cpu0 = Cpu.read();
        long wall0 = System.nanoTime();
        sleepUntil(windowEnd);
        Cpu cpu1 = Cpu.read();
        long wall1 = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        long finished = System.nanoTime();

        // merge
        int n = all.stream().mapToInt(w -> w.measured).sum();
        long[] lat = new long[n];
        int k = 0;
        long ok = 0, recorded = 0, allOk = 0, allReq = 0, allRecorded = 0, allCreated = 0;
        Map<String, Long> errors = new TreeMap<>();
        Map<String, Long> allErrors = new TreeMap<>();
        Map<String, String> samples = new TreeMap<>();
        for (Worker w : all) {
            System.arraycopy(w.latencies, 0, lat, k, w.measured);
            k += w.measured;
            ok += w.measuredOk;
            recorded += w.measuredRecorded;
            allOk += w.allOk;
            allReq += w.allRequests;
            allRecorded += w.allRecorded;
            allCreated += w.allCreated;
            w.measuredErrors.forEach((s, c) -> errors.merge(s, c, Long::sum));
            w.allErrors.forEach((s, c) -> allErrors.merge(s, c, Long::sum));
            w.errorSamples.forEach(samples::putIfAbsent);
        }
        Arrays.sort(lat);
        double window = (wall1 - wall0) / 1e9;
        double measuredS = durationS;
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();

        Map<String, String> out = new LinkedHashMap<>();
        out.put("mode", mode);
        out.put("workers", Integer.toString(workers));
        out.put("batch_size", mode.equals("batch") ? Integer.toString(batchSize) : "1");
        out.put("warmup_s", fmt(warmupS, 1));
        out.put("duration_s", fmt(measuredS, 1));
        out.put("requests", Long.toString(n));
        out.put("ok", Long.toString(ok));
        out.put("errors", Long.toString(errorCount));
        out.put("errors_by_status", errors.isEmpty() ? "none" : join(errors));
        out.put("tps", fmt(ok / measuredS, 1));
        out.put("checkins_per_s", fmt(recorded / measuredS, 1));
        out.put("recorded", Long.toString(recorded));
        out.put("lat_mean_ms", n == 0 ? "-" : fmt(Arrays.stream(lat).average().orElse(0) / 1e6, 2));
        out.put("lat_p50_ms", pct(lat, 50));
        out.put("lat_p95_ms", pct(lat, 95));
        out.put("lat_p99_ms", pct(lat, 99));
        out.put("lat_max_ms", n == 0 ? "-" : fmt(lat[n - 1] / 1e6, 2));
        out.put("all_requests", Long.toString(allReq));
        out.put("all_ok", Long.toString(allOk));
        out.put("all_created", Long.toString(allCreated));
        out.put("all_recorded", Long.toString(allRecorded));
        out.put("all_errors_by_status", allErrors.isEmpty() ? "none" : join(allErrors));
        out.put("error_samples", samples.isEmpty() ? "none" : join2(samples));
        out.put("tail_s", fmt((finished - windowEnd) / 1e9, 3));
        out.put("cpu_window_s", fmt(window, 3));
        out.put("cpu_self_s", fmt((cpu1.self - cpu0.self) / 1e9, 2));
        for (String name : watch.keySet()) {
            Long a = cpu0.watched.get(name), b = cpu1.watched.get(name);
            out.put("cpu_" + name + "_s", a == null || b == null ? "-" : fmt((b - a) / (double) clkTck, 2));
        }
        for (String name : watch.keySet()) {
            Long a = cpu0.watched.get(name + "_jit"), b = cpu1.watched.get(name + "_jit");
            if (a != null && b != null) {
                out.put("cpu_" + name + "_jit_s", fmt((b - a) / (double) clkTck, 2));
            }
        }
        out.put("cpu_machine_busy_s", fmt((cpu1.busyTicks - cpu0.busyTicks) / (double) clkTck, 2));
        double others = (cpu1.busyTicks - cpu0.busyTicks) / (double) clkTck - (cpu1.self - cpu0.self) / 1e9;
        for (String name : watch.keySet()) {
            Long a = cpu0.watched.get(name), b = cpu1.watched.get(name);
            if (a != null && b != null) {
                others -= (b - a) / (double) clkTck;
            }
        }
        out.put("cpu_others_s", fmt(Math.max(0, others), 2));
        out.forEach((key, v) -> System.out.println(key + "=" + v));
        System.err.printf(
                "CheckInLoad: %d measured requests, %d ok (%.1f/s), %d errors %s, p50 %s ms, p99 %s ms%n",
                n, ok, ok / measuredS, errorCount, errors.isEmpty() ? "" : errors, pct(lat, 50), pct(lat, 99));
    }

    static String pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "-";
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return fmt(sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6, 2);
    }

    static String fmt(double v, int digits) {
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", v);
    }

    static String join(Map<String, Long> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
        return s.toString();
    }

    static String join2(Map<String, String> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.isEmpty() ? "" : " | ").append(k).append(" → ").append(v));
        return s.toString();
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 200)));
        }
    }

    /** CPU counters at one instant: the watched processes (ticks), the machine (ticks), this JVM (ns). */
    record Cpu(Map<String, Long> watched, long busyTicks, long self) {
        static Cpu read() {
            long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            Map<String, Long> sums = new LinkedHashMap<>();
            Map<Long, long[]> stats = new TreeMap<>(); // pid -> {ppid, utime, stime, cutime, cstime}
            if (!watch.isEmpty()) {
                try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                    procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                            .forEach(p -> {
                                try {
                                    String s = Files.readString(p.resolve("stat"));
                                    String[] a = s.substring(s.lastIndexOf(')') + 2).split(" ");
                                    stats.put(Long.parseLong(p.getFileName().toString()), new long[] {
                                        Long.parseLong(a[1]),
                                        Long.parseLong(a[11]),
                                        Long.parseLong(a[12]),
                                        Long.parseLong(a[13]),
                                        Long.parseLong(a[14])
                                    });
                                } catch (IOException | RuntimeException e) {
                                    // the process ended meanwhile
                                }
                            });
                } catch (IOException e) {
                    // no /proc: no process CPU figures
                }
                watch.forEach((name, pid) -> {
                    long[] own = stats.get(pid);
                    if (own == null) {
                        return;
                    }
                    long sum = own[1] + own[2] + own[3] + own[4];
                    if (name.startsWith("postgres")) {
                        for (long[] st : stats.values()) {
                            if (st[0] == pid) {
                                sum += st[1] + st[2];
                            }
                        }
                    }
                    sums.put(name, sum);
                    if (!name.startsWith("postgres")) {
                        sums.put(name + "_jit", compilerTicks(pid));
                    }
                });
            }
            long busy = 0;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                    if (line.startsWith("cpu ")) {
                        String[] f = line.trim().split("\\s+");
                        // user nice system idle iowait irq softirq steal
                        busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                                + Long.parseLong(f[6]) + Long.parseLong(f[7]) + Long.parseLong(f[8]);
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                busy = 0;
            }
            return new Cpu(sums, busy, self);
        }
    }

    /** CPU ticks of a JVM's JIT compiler threads (C1 and C2), from /proc/PID/task. */
    static long compilerTicks(long pid) {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).trim();
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        String st = Files.readString(t.resolve("stat"));
                        String[] a = st.substring(st.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(a[11]) + Long.parseLong(a[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    static void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                v = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (a.equals("-h") || a.equals("--help")) {
                usage(null);
            }
            if (v == null) {
                if (i + 1 >= args.length) {
                    usage(a + " needs a value");
                }
                v = args[++i];
            }
            try {
                switch (a) {
                    case "--base-url" -> baseUrl = v;
                    case "--post" -> post = v;
                    case "--roll-call" -> rollCall = Long.parseLong(v);
                    case "--members" -> membersFile = Path.of(v);
                    case "--mode" -> mode = v;
                    case "--workers" -> workers = Integer.parseInt(v);
                    case "--warmup" -> warmupS = Double.parseDouble(v);
                    case "--duration" -> durationS = Double.parseDouble(v);
                    case "--batch-size" -> batchSize = Integer.parseInt(v);
                    case "--channel" -> channel = v;
                    case "--report-window" -> reportWindowS = Integer.parseInt(v);
                    case "--clk-tck" -> clkTck = Integer.parseInt(v);
                    case "--watch" -> {
                        for (String part : v.split(",")) {
                            if (part.isBlank()) {
                                continue;
                            }
                            String[] kv = part.split("=", 2);
                            watch.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
                        }
                    }
                    default -> usage("unknown option " + a);
                }
            } catch (RuntimeException e) {
                usage("bad value for " + a + ": " + v);
            }
        }
        if (baseUrl == null || post == null || rollCall < 0 || membersFile == null) {
            usage("--base-url, --post, --roll-call and --members are required");
        }
        if (!mode.equals("single") && !mode.equals("batch")) {
            usage("--mode is single or batch");
        }
        if (workers < 1 || durationS <= 0 || warmupS < 0 || batchSize < 1 || reportWindowS < 0) {
            usage("--workers, --duration and --batch-size must be positive, --warmup and --report-window not negative");
        }
    }

    static void usage(String problem) {
        if (problem != null) {
            System.err.println("CheckInLoad: " + problem);
        }
        System.err.println("usage: java bench/CheckInLoad.java --base-url URL --post CODE --roll-call ID --members FILE"
                + " [--mode single|batch] [--workers N] [--warmup S] [--duration S] [--batch-size N] [--channel C]"
                + " [--report-window S] [--watch name=PID,...] [--clk-tck N]   (token in MUSTER_TOKEN)");
        System.exit(problem == null ? 0 : 2);
    }
}
