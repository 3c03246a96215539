/**
 * Per-file analysis records and the writers that store them (JSONL, CSV, reports).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.auralis.api.output;
