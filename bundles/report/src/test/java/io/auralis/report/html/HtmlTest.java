package io.auralis.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Escaping and the numbers people read. */
class HtmlTest {

    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertEquals("a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;\uFFFD", Html.escape("a<b> & \"c\" 'd'\u0007"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("2.5 s", Html.duration(2.5));
        assertEquals("3 min 05 s", Html.duration(185));
        assertEquals("1 h 02 min", Html.duration(3725));
    }
}
