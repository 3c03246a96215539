/**
 * Training CNN-n-GRU models with DJL on the published protocol (Adam, StepLR, NLL, best validation loss), with
 * per-epoch checkpoints that a crashed run resumes from.
 */
package io.auralis.ser.training;
