/**
 * Commands that bundles contribute to the {@code auralis} command line, and what they share with the built-in ones:
 * the one help layout ({@link io.auralis.api.command.CommandHelp}), the one table printer
 * ({@link io.auralis.api.command.TextTable}), the one bad-usage exception
 * ({@link io.auralis.api.command.UsageException}) and the one rule for the audio files that arguments name
 * ({@link io.auralis.api.command.InputFiles}). 1.2 added {@link io.auralis.api.command.TextTable},
 * {@link io.auralis.api.command.InputFiles} with its {@link io.auralis.api.command.InputFile}, offered to every command
 * as {@link io.auralis.api.command.CommandContext#inputs}, and {@link io.auralis.api.command.UsageException#print}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.auralis.api.command;
