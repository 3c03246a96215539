/**
 * The {@code html} output writer ({@link io.auralis.report.HtmlReportWriter}): a self-contained HTML report with
 * a corpus overview and per-file emotion timelines. Private to the bundle.
 */
package io.auralis.report;
