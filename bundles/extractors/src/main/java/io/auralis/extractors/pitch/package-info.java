/**
 * The {@code auralis.pitch} extractor: fundamental frequency per block with TarsosDSP's YIN, FFT-based YIN or
 * McLeod pitch method, applied directly to the host's blocks. Private to the bundle; no TarsosDSP type leaves it.
 */
package io.auralis.extractors.pitch;
