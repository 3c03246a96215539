/**
 * The {@code jsonl} output writer: one JSON object per analysed file and line, with the recovery of a line torn by
 * a crash for {@code --resume}. Private to the bundle.
 */
package io.auralis.writers.jsonl;
