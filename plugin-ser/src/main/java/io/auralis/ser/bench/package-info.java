/**
 * {@code auralis ser bench}: how fast the CNN-n-GRU networks infer (through the same
 * {@link io.auralis.ser.inference.EmotionModel} that {@code analyze} runs) and train (through DJL's
 * {@code Trainer}), per architecture, on this machine.
 */
package io.auralis.ser.bench;
