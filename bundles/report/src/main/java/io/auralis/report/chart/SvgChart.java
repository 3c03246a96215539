package io.auralis.report.chart;

/**
 * A chart drawn as inline SVG markup.
 *
 * @param markup the {@code svg} element
 * @param width width in CSS pixels
 * @param height height in CSS pixels
 */
public record SvgChart(String markup, int width, int height) {
}
