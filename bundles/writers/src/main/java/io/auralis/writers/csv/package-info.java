/**
 * The CSV output writers: {@code csv}, one RFC 4180 row per feature and per file with a column per bin name, and
 * {@code csv-wide}, a frame table with one row per time and a column per value; and the recovery of rows torn by a
 * crash for {@code --resume}. Private to the bundle.
 */
package io.auralis.writers.csv;
