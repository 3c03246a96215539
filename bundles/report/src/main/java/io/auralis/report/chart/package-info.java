/**
 * Charts as inline SVG: per-file timelines, the corpus overview's bar charts, and the colour of each emotion shared
 * by all of them.
 */
package io.auralis.report.chart;
