/**
 * The {@code auralis.ser} feature extractor: emotions per file, per window or per speech segment.
 */
package io.auralis.ser.extractor;
