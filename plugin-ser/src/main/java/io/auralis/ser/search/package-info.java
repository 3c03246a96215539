/**
 * Hyper-parameter search by successive halving: many short training runs, the best third continued, until a few
 * long ones remain; every trial is an ordinary resumable {@code ser train} run in its own folder.
 */
package io.auralis.ser.search;
