/**
 * {@code auralis bench}: runs this installation's own launcher as child processes (start-up, {@code analyze} over a
 * folder per shipped model, long generated recordings, {@code ser bench}) and reports time, CPU time and peak memory
 * of each, with a description of the machine.
 */
package io.auralis.host.bench;
