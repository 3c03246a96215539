/**
 * What a report reads from a record: decoded emotion, loudness and pitch outputs, and the small per-file summary
 * the corpus overview is built from.
 */
package io.auralis.report.record;
