/**
 * The {@code auralis} command line: global options, dispatch to built-in commands and to the
 * {@link io.auralis.api.command.Command} services that bundles contribute, usage and exit codes.
 */
package io.auralis.host.cli;
