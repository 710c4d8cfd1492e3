package org.muster.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** How the preview and the report of an import name the empty rows they skipped. */
class EmptyRowsFragmentTests {

    static String render(List<Integer> rows) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        Context context = new Context();
        context.setVariable("rows", rows);
        return engine.process("fragments/rows", Set.of("emptyRows"), context).trim();
    }

    @Test
    void oneEmptyRowIsNamedInTheSingular() {
        assertThat(render(List.of(6))).contains(">1 empty row skipped (row 6).</p>");
    }

    @Test
    void severalAreCountedAndListed() {
        assertThat(render(List.of(3, 9))).contains(">2 empty rows skipped (rows 3, 9).</p>");
    }

    @Test
    void aLongListShowsTheFirstTwentyAndCountsThemAll() {
        List<Integer> rows = IntStream.rangeClosed(2, 501).boxed().toList();

        assertThat(render(rows))
                .contains(">500 empty rows skipped (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,"
                        + " 19, 20, 21, …).</p>");
    }

    @Test
    void noEmptyRowsShowNothing() {
        assertThat(render(List.of())).isEmpty();
    }
}
