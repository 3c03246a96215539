/**
 * Inference: a loaded {@link io.auralis.ser.inference.EmotionModel} with a pool of DJL predictors, the
 * waveform-to-emotion translator, and the device option.
 */
package io.auralis.ser.inference;
