/**
 * On-the-fly training augmentation of waveforms: random crops, speed perturbation, additive noise and gain, each
 * drawn from a generator seeded by the run, the epoch and the draw, so a run is reproducible and resumable.
 */
package io.auralis.ser.augmentation;
