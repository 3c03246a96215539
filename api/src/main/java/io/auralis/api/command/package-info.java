/**
 * Commands that bundles contribute to the {@code auralis} command line.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.auralis.api.command;
