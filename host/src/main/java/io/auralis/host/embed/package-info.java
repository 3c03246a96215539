/**
 * Auralis as a library: {@link io.auralis.host.embed.Auralis} opens the platform of an installation inside the
 * caller's JVM and analyses files or samples with a workflow, returning the records {@code analyze} writes as typed
 * objects. See {@code docs/library.md}.
 */
package io.auralis.host.embed;
