/**
 * The {@code csv} output writer: one RFC 4180 row per feature and per file, a column per bin name, and the
 * recovery of rows torn by a crash for {@code --resume}. Private to the bundle.
 */
package io.auralis.writers.csv;
