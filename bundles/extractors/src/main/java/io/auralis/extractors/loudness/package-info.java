/**
 * The {@code auralis.loudness} extractor: RMS level per block, linear and in dBFS, and the level arithmetic the
 * other extractors of this bundle share. Private to the bundle.
 */
package io.auralis.extractors.loudness;
