/**
 * Batches: the {@code analyze} command, the inputs it expands from files and folders, the bounded pool that
 * analyses them and writes records in input order, resumable outputs, progress and the summary.
 */
package io.auralis.host.batch;
