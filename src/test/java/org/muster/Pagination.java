package org.muster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A page's USWDS pagination nav as the browser gets it: its aria-label, the previous and next links
 * (null when absent, {@code &amp;} read as {@code &}), their labels and the current page's text (the
 * page marked {@code aria-current="page"}).
 */
public record Pagination(
        String label, String previous, String previousText, String current, String next, String nextText) {
    private static final Pattern NAV =
            Pattern.compile("<nav class=\"usa-pagination\" aria-label=\"([^\"]*)\">(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern PREVIOUS = link("previous");
    private static final Pattern NEXT = link("next");
    private static final Pattern CURRENT = Pattern.compile(
            "<span(?: class=\"usa-pagination__button usa-current\")? aria-current=\"page\">([^<]*)</span>");

    /** The page's one pagination nav; fails when it has none. */
    public static Pagination of(String html) {
        Matcher nav = NAV.matcher(html);
        if (!nav.find()) {
            throw new AssertionError("no pagination nav in the page");
        }
        String body = nav.group(2);
        Matcher previous = PREVIOUS.matcher(body);
        Matcher next = NEXT.matcher(body);
        Matcher current = CURRENT.matcher(body);
        boolean hasPrevious = previous.find();
        boolean hasNext = next.find();
        return new Pagination(
                nav.group(1),
                hasPrevious ? HtmlUtils.htmlUnescape(previous.group(1)) : null,
                hasPrevious ? text(previous.group(2)) : null,
                current.find() ? current.group(1) : null,
                hasNext ? HtmlUtils.htmlUnescape(next.group(1)) : null,
                hasNext ? text(next.group(2)) : null);
    }

    /** Whether the page has a pagination nav at all. */
    public static boolean on(String html) {
        return NAV.matcher(html).find();
    }

    private static Pattern link(String direction) {
        return Pattern.compile(
                "<a class=\"usa-pagination__link usa-pagination__" + direction
                        + "-page\"\\s+href=\"([^\"]*)\">(.*?)</a>",
                Pattern.DOTALL);
    }

    private static String text(String markup) {
        return markup.replaceAll("<[^>]+>", "").strip();
    }
}
