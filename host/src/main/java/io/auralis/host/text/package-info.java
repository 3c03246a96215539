/**
 * Text for people: spans of time and amounts of audio ({@link io.auralis.host.text.HumanUnits}), as the commands
 * print them. Tables are the API's {@link io.auralis.api.command.TextTable}, which plugins' commands print with too.
 */
package io.auralis.host.text;
