/**
 * The per-file engine: decodes a file once, frames the stream for each step, drives the extractor sessions in
 * dependency order and collects the requested outputs into a record; and the services a run needs.
 */
package io.auralis.host.engine;
