/**
 * The {@code auralis.segmenter} extractor: a streaming, energy-based speech/silence segmenter with an adaptive
 * noise floor, hysteresis, minimum durations, padding and a cap on segment length. Private to the bundle.
 */
package io.auralis.extractors.segment;
