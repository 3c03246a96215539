package io.auralis.ser.training;

import ai.djl.Device;

import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.data.LabelMap;
import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGruBlock;

import java.nio.file.Path;
import java.util.List;

/**
 * One training run once its data is ready: what {@link TrainingJob} trains and {@link ModelPackager} packages, held
 * in one place instead of handed from step to step.
 *
 * @param output the model folder
 * @param checkpoint its checkpoint folder
 * @param state the checkpoint state, updated by training after every epoch
 * @param options the settings (a resumed run's are the checkpoint's)
 * @param classes the class names in output order
 * @param source the corpora, as {@code --dataset} names them
 * @param root where they are, as {@code --data} gives them
 * @param split the train/validation/test split
 * @param labelMap the label renames applied to every corpus
 * @param train the training part, decoded
 * @param validation the validation part, decoded (possibly empty)
 * @param test the test part, decoded (possibly empty)
 * @param device where to train and evaluate
 * @param skippedFiles files left out while the parts were listed and decoded
 */
record TrainingRun(Path output, Checkpoint checkpoint, CheckpointState state, TrainingOptions options,
                   List<String> classes, String source, String root, DatasetSplit split, LabelMap labelMap,
                   SpeechEmotionDataset train, SpeechEmotionDataset validation, SpeechEmotionDataset test,
                   Device device, int skippedFiles) {

    /**
     * The network variant the options name.
     *
     * @return the architecture
     */
    Architecture architecture() {
        return options.architecture();
    }

    /**
     * The network of this run, without weights; with {@code --adversary}, its classifier tells the training part's
     * corpora apart, or its speakers with {@code --adversary-of speaker}.
     *
     * @return a new block
     */
    CnnGruBlock newBlock() {
        int domains = options.adversarySpeakers() ? train.speakers().size() : train.corpora().size();
        return TrainerFactory.block(options, classes.size(), options.adversary > 0 ? domains : 0);
    }
}
