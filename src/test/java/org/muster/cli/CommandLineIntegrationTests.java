package org.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterApplication;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The command line, run in-process against the test database, as {@code java -jar muster.jar ...}. */
@MusterIntegrationTest
class CommandLineIntegrationTests {
    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    record Result(int exitCode, String out, String err) {}

    Result run(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + dataSource.getJdbcUrl());
        all.add("--muster.security.bcrypt-strength=4");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream originalIn = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = MusterCommandLine.run(
                    MusterApplication.class,
                    all.toArray(String[]::new),
                    new PrintWriter(out, true),
                    new PrintWriter(err, true));
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setIn(originalIn);
        }
    }

    @Test
    void userAddCreatesAnAccountWithThePasswordFromStandardInput() {
        Result result = run(
                "a-long-enough-password\n",
                "user",
                "add",
                "--username",
                "cli.rso",
                "--name",
                "CLI Officer",
                "--role",
                "security-officer",
                "--clearance",
                "SECRET");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Created account cli.rso");
        assertThat(jdbc.sql("select clearance from app_user where username = 'cli.rso'")
                        .query(String.class)
                        .single())
                .isEqualTo("SECRET");
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where action = 'user.created' and summary like '%cli.rso%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badArgumentsNameTheFieldExitWithTwoAndChangeNothing() {
        long usersBefore =
                jdbc.sql("select count(*) from app_user").query(Long.class).single();

        Result badRole = run(
                "a-long-enough-password\n",
                "user",
                "add",
                "--username",
                "cli.x",
                "--name",
                "X",
                "--role",
                "ambassador");
        Result shortPassword = run("short\n", "user", "add", "--username", "cli.y", "--name", "Y", "--role", "warden");
        Result badPost = run(
                "a-long-enough-password\n",
                "user",
                "add",
                "--username",
                "cli.z",
                "--name",
                "Z",
                "--role",
                "warden",
                "--post",
                "NOPE");
        Result missing = run("", "user", "add", "--username", "cli.w");

        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("roles").contains("ambassador");
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("password").contains("12 characters");
        assertThat(badPost.exitCode()).isEqualTo(2);
        assertThat(badPost.err()).contains("post").contains("NOPE");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--name").contains("--role");
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
                .isEqualTo(usersBefore);
    }

    @Test
    void auditVerifyReportsAnIntactChainAndThenTheFirstBrokenLink() {
        Result intact = run("", "audit", "verify");
        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("Audit chain intact");

        long seq =
                jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        String original = jdbc.sql("select summary from audit_entry where seq = ?")
                .param(seq)
                .query(String.class)
                .single();
        bypassingTrigger("update audit_entry set summary = 'tampered' where seq = " + seq);
        try {
            Result broken = run("", "audit", "verify");
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.out()).contains("BROKEN at entry " + seq).contains("altered");
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("update audit_entry set summary = ? where seq = ?")
                        .params(original, seq)
                        .update();
            });
        }
        assertThat(run("", "audit", "verify").exitCode()).isZero();
    }

    @Test
    void helpNeedsNoDatabaseAndListsTheCommands() {
        Result help = run("", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("audit").contains("demo").contains("user");
    }

    private void bypassingTrigger(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    @Test
    void importWritesThePerRowReportAndFailsOnlyWhenTheWholeFileIsRefused(@Autowired TestData data) throws Exception {
        Post post = data.post();
        Path dir = Files.createTempDirectory("muster-import");
        Path list = Files.writeString(
                dir.resolve("consular.csv"),
                "Surname,Given name,Category,Email\n" + "Noor,Bibi,AmCit,=HYPERLINK(\"x\")\n"
                        + "Hill,Sam,AmCit,sam@example.org\n");
        Path report = dir.resolve("report.csv");

        Result partly = run("", "import", "--post", post.code(), "--report", report.toString(), list.toString());
        Result refused = run(
                "",
                "import",
                "--post",
                post.code(),
                Files.writeString(dir.resolve("x.csv"), "A,B\n1,2\n").toString());
        Result unknownPost = run("", "import", "--post", "ZZZZ", list.toString());

        assertThat(partly.exitCode()).as(partly.err()).isZero();
        assertThat(partly.out()).contains("2 rows, 1 added").contains("row 2, Email: is not an email address");
        assertThat(Files.readAllLines(report))
                .containsExactly("row,field,reason", "2,Email,\"is not an email address: '=HYPERLINK(\"\"x\"\")'\"");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("has no column for Family name, Category");
        assertThat(unknownPost.exitCode()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from person where post_id = ?")
                        .param(post.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
