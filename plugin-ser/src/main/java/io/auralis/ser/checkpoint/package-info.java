/**
 * Import of reference PyTorch checkpoints: a zip reader, a pickle interpreter that loads only state_dict content,
 * and the mapping of tensors onto the CNN-n-GRU block.
 */
package io.auralis.ser.checkpoint;
