/**
 * The feature extractor SPI: self-describing extractors, their parameters, inputs and outputs, the per-file session
 * lifecycle and the time-stamped features they emit.
 *
 * <p>1.1 added {@link io.auralis.api.extractor.FeatureExtractor#outputs outputs} that depend on parameters and
 * inputs; 1.2 the {@link io.auralis.api.extractor.ModelDescriptor model} behind an output
 * ({@link io.auralis.api.extractor.OutputDescriptor#model}), and
 * {@link io.auralis.api.extractor.ParameterDescriptor#performanceOnly}, a parameter that changes only how fast an
 * extractor runs, never its features, which the host leaves out of what {@code --resume} compares; 1.3
 * {@link io.auralis.api.extractor.ExtractorSession#finishAsync}, a session's end whose last features come later, so
 * that the host's thread moves on to the next file while a model batches the clips of many.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.auralis.api.extractor;
