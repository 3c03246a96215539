/**
 * The CNN-n-GRU network on DJL: the four published variants as data ({@link io.auralis.ser.model.Architecture}),
 * the builder ({@link io.auralis.ser.model.CnnGru}) and the block it returns, with PyTorch parameter names.
 */
package io.auralis.ser.model;
