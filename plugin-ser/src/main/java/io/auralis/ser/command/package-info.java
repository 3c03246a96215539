/**
 * The {@code ser} command: {@code predict}, {@code import} and further subcommands listed in
 * {@link io.auralis.ser.command.Subcommands}.
 */
package io.auralis.ser.command;
