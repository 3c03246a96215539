/**
 * What the decoder's streams share: the read contract, the declared length and the end check
 * ({@link io.auralis.audio.decode.DecodedStream}). Private to the bundle.
 */
package io.auralis.audio.decode;
