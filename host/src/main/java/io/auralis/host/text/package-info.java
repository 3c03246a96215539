/**
 * Text for people, in one place each: columns of a table ({@link io.auralis.host.text.TextTable}), spans of time
 * and amounts of audio ({@link io.auralis.host.text.HumanUnits}), as the commands print them.
 */
package io.auralis.host.text;
