package io.auralis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what tests need back out of a written report. */
final class Pages {
    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);
    private static final Pattern HEIGHT = Pattern.compile("<svg [^>]*?height=\"(\\d+)\"");
    private static final Pattern HEADING = Pattern.compile("<h2><a class=\"seq\" href=\"#file-\\d+\">\\d+</a>(.*)</h2>");

    private Pages() {
    }

    /** The SVG charts inlined in a page, in order. */
    static List<String> svgs(String html) {
        List<String> charts = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            charts.add(m.group());
        }
        return charts;
    }

    /** The height a chart declares, in pixels. */
    static int height(String svg) {
        Matcher m = HEIGHT.matcher(svg);
        if (!m.find()) {
            throw new AssertionError("no height in " + svg.substring(0, Math.min(200, svg.length())));
        }
        return Integer.parseInt(m.group(1));
    }

    /** The part of a page that is one file's section. */
    static String section(String html, int sequence) {
        int start = html.indexOf("<section class=\"file\" id=\"file-" + sequence + "\"");
        if (start < 0) {
            throw new AssertionError("no section " + sequence);
        }
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The (escaped) file names in the headings of the file sections, in order. */
    static List<String> sections(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = HEADING.matcher(html);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The first group of every match of a pattern, in order. */
    static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** How often a piece of text occurs. */
    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
