/**
 * How the bundle's files reach the disk: every file a later run reads back (a model folder, a checkpoint, a
 * search's state) is replaced atomically, so a crash leaves the old file or the new one, never half of one; and
 * scratch folders are removed when their work ends.
 */
package io.auralis.ser.storage;
