package io.auralis.ser.training;

import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.evaluation.Evaluation;
import io.auralis.ser.evaluation.EvaluationReport;
import io.auralis.ser.model.ModelCard;
import io.auralis.ser.model.ModelConfig;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The model card of a trained model: {@link ModelCard}'s card with what training knows added before its
 * "Intended use and limits": the test results per class, the confusion matrix, the curves, and the limits that
 * follow from the data.
 */
final class TrainingCard {

    private static final String LIMITS_HEADING = "\n## Intended use and limits";

    private TrainingCard() {
    }

    static String render(ModelConfig config, EvaluationReport test, DatasetSplit split, Set<String> trainSpeakers,
                         String corpus) {
        String base = ModelCard.render(config);
        StringBuilder md = new StringBuilder();
        md.append("\n## Test results\n\n");
        if (test == null) {
            md.append("No held-out test part (split: ").append(split.description())
                .append("), so no unbiased figures; evaluate with `auralis ser evaluate` on other data.\n");
        } else {
            md.append(String.format(Locale.ROOT, "On the held-out test part (%d clips, %.0f s of audio; %s):%n%n",
                test.clips, test.audioSeconds, split.description()));
            md.append(String.format(Locale.ROOT, "accuracy %.2f %%, balanced accuracy %.2f %%, macro F1 %.2f %%, "
                + "weighted F1 %.2f %%.%n%n", 100 * test.accuracy, 100 * test.balancedAccuracy, 100 * test.macroF1,
                100 * test.weightedF1));
            md.append("| class | precision | recall | F1 | clips |\n| --- | ---: | ---: | ---: | ---: |\n");
            for (EvaluationReport.ClassEntry c : test.perClass) {
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %d |%n", c.name, c.precision,
                    c.recall, c.f1, c.support));
            }
            List<String> classes = test.confusionMatrix.classes;
            md.append("\nConfusion matrix (rows: true class, columns: predicted):\n\n| |");
            classes.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append("\n| --- |");
            classes.forEach(c -> md.append(" ---: |"));
            md.append('\n');
            for (int i = 0; i < classes.size(); i++) {
                md.append("| ").append(classes.get(i)).append(" |");
                for (long v : test.confusionMatrix.counts[i]) {
                    md.append(' ').append(v).append(" |");
                }
                md.append('\n');
            }
            md.append("\n![confusion matrix](").append(Evaluation.CONFUSION_PNG).append(")\n");
        }
        md.append("\n![training curves](").append(TrainingJob.CURVES).append(")\n");
        md.append("\nPer-epoch figures: `").append(EpochLogListener.HISTORY).append("`; the split: `")
            .append(TrainingJob.SPLIT).append("`.\n");
        md.append("\n## Known limits\n\n");
        // Several corpora are named "tess,emodb" on the command line; the card reads "tess and emodb".
        md.append("- Trained on ").append(corpus.replace(",", " and ")).append(" only, from ").append(trainSpeakers.size())
            .append(trainSpeakers.size() == 1 ? " speaker" : " speakers").append(" (")
            .append(String.join(", ", trainSpeakers)).append("). Other speakers, languages, recording conditions and "
                + "spontaneous speech are untested.\n");
        if (split.method() == DatasetSplit.Method.STRATIFIED) {
            md.append("- The stratified split puts the same speakers (and, in corpora with repeated sentences, the "
                + "same words) in training and test, so the test figures overstate performance on new speakers; "
                + "`--split speaker` measures that.\n");
        }
        md.append("- Only these classes can be predicted: ").append(String.join(", ", config.classes))
            .append(". Any other emotion is forced into one of them.\n");
        int at = base.indexOf(LIMITS_HEADING);
        return at < 0 ? base + md : base.substring(0, at) + "\n" + md.toString().stripTrailing() + "\n"
            + base.substring(at);
    }
}
