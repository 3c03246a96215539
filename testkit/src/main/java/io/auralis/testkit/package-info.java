/**
 * The Auralis test kit: the harnesses the platform's own tests use, published for plugin authors.
 *
 * <ul>
 * <li>{@link io.auralis.testkit.ExtractorHarness} runs one extractor through the host's own workflow engine: its
 * parameters checked and completed with defaults, its framing fixed, its inputs bound, and the audio framed and
 * delivered by the code that runs {@code auralis analyze}, with every emitted feature checked against the
 * extractor's descriptor.</li>
 * <li>{@link io.auralis.testkit.OsgiFramework} starts a real Felix framework with SCR, the API exported by the
 * system bundle as the launcher exports it, for tests of a bundle as bnd built it.</li>
 * <li>{@link io.auralis.testkit.Corpora} finds the real speech corpora of {@code shared/data}.</li>
 * <li>{@link io.auralis.testkit.FakeDecoder} serves generated samples in place of audio files, and
 * {@link io.auralis.testkit.CapturingContext} keeps what a command prints: for tests of commands, writers and
 * batches.</li>
 * </ul>
 */
package io.auralis.testkit;
