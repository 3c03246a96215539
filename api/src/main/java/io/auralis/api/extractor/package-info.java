/**
 * The feature extractor SPI: self-describing extractors, their parameters, inputs and outputs, the per-file session lifecycle and the time-stamped features they emit.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.auralis.api.extractor;
