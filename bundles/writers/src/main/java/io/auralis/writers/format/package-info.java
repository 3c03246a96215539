/**
 * How the writers print values, shared by every format of this bundle.
 */
package io.auralis.writers.format;
