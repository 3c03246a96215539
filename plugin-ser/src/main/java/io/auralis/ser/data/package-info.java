/**
 * Emotional speech corpora as DJL datasets: one {@link io.auralis.ser.data.SpeechEmotionDataset} reader per corpus
 * (TESS, RAVDESS, EmoDB, IEMOCAP, CSV manifests), the cross-corpus label vocabulary, and reproducible
 * train/validation/test splits ({@link io.auralis.ser.data.DatasetSplit}).
 */
package io.auralis.ser.data;
