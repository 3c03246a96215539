/**
 * The append-only output file both writers share: whole records handed to the operating system in one write, and
 * truncation of a record torn by a crash. Private to the bundle.
 */
package io.auralis.writers.file;
