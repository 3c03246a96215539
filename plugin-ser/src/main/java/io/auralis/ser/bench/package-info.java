/**
 * The measurements of {@code auralis ser bench}: how fast the CNN-n-GRU networks infer (through the same
 * {@link io.auralis.ser.inference.EmotionModel} that {@code analyze} runs) and train (through the trainer
 * {@code ser train} runs, from {@link io.auralis.ser.training.TrainerFactory}), per architecture, on this machine.
 * The command line that drives them lives in the {@code command} package, which depends on this one, not back.
 */
package io.auralis.ser.bench;
