/**
 * The {@code auralis.emotion-timeline} extractor: turns per-window or per-segment emotion results into smoothed,
 * merged emotion segments and a per-file summary, streaming with a buffer bounded by the smoothing width.
 * Private to the bundle.
 */
package io.auralis.timeline;
