/**
 * Sample-rate conversion for the decoder, private to the bundle.
 *
 * <p>{@link io.auralis.audio.resample.PolyphaseResamplingStream} is the default: a polyphase FIR resampler for any
 * ratio of integer rates ({@code up / down}, the rates over their greatest common divisor) with a Kaiser-windowed
 * sinc ({@link io.auralis.audio.resample.PolyphaseFilter}) flat to 87.5 % of the lower Nyquist frequency (7 kHz for
 * 16 kHz, within 0.0003 dB measured) and 90 dB of design attenuation from that Nyquist frequency on (at least
 * 91.9 dB measured on tones). Output {@code k} is the input at exactly {@code k * down / up}, computed in integers:
 * sample-accurate at the start, no drift over any length, {@code round(frames * up / down)} samples. Memory depends on
 * the rate pair, not the length of the audio. {@link io.auralis.audio.resample.TarsosResamplingStream} (TarsosDSP's
 * libresample port, the resampler before it) stays as a choice: the decoder's {@code resampler} setting,
 * {@link io.auralis.audio.resample.ResamplerKind}. {@link io.auralis.audio.resample.ResamplerFilters} designs each rate
 * pair's filter once and opens the streams.
 */
package io.auralis.audio.resample;
