/**
 * Commands that bundles contribute to the {@code auralis} command line, and what they print with: the one help layout
 * ({@link io.auralis.api.command.CommandHelp}), the one table printer ({@link io.auralis.api.command.TextTable}) and
 * the one bad-usage exception ({@link io.auralis.api.command.UsageException}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.auralis.api.command;
