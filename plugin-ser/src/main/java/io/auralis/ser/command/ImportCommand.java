package io.auralis.ser.command;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.ser.checkpoint.CheckpointImporter;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGru;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code auralis ser import}: a reference PyTorch checkpoint becomes a model directory.
 */
final class ImportCommand implements Subcommand {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "turn a reference PyTorch checkpoint (.pth) into a model directory";
    }

    @Override
    public String usage() {
        return CommandLines.usage(List.of(
                "auralis ser import --checkpoint FILE.pth --arch NAME --labels a,b,c --out DIR",
                "                   [--hidden H] [--layers L] [--temporal] [--name NAME] [--license TEXT]",
                "                   [--description TEXT] [--force]"),
            String.join("\n",
                "Reads a checkpoint written by torch.save (PyTorch 1.6 or later): a state_dict, or a dict with a",
                "'model_state_dict' or 'state_dict' entry. Only tensors and plain data are read; a checkpoint that",
                "names any other Python object is refused. Every tensor the network needs must be there with the",
                "same shape."),
            options(), "");
    }

    private static Options options() {
        return new Options()
            .addOption(CommandLines.valued("checkpoint", "FILE", "the .pth/.pt file"))
            .addOption(CommandLines.valued("arch", "NAME", "cnn3gru, cnn5gru, cnn11gru or cnn18gru"))
            .addOption(CommandLines.valued("labels", "a,b,c", "class names in the order of the network's outputs"))
            .addOption(CommandLines.valued("hidden", "H", "GRU hidden size (default " + CnnGru.DEFAULT_HIDDEN + ")"))
            .addOption(CommandLines.valued("layers", "L", "GRU layers (default " + CnnGru.DEFAULT_LAYERS + ")"))
            .addOption(CommandLines.flag("temporal", "the network was trained with the GRU over time (not the "
                + "published default)"))
            .addOption(CommandLines.valued("out", "DIR", "the model directory to write (model.json, weights.params, "
                + "README.md)"))
            .addOption(CommandLines.valued("name", "NAME", "the model's name (default: the folder name)"))
            .addOption(CommandLines.valued("license", "TEXT", "terms of use, recorded in model.json and the model "
                + "card"))
            .addOption(CommandLines.valued("description", "TEXT", "one sentence for the model card"))
            .addOption(CommandLines.flag("force", "replace a model directory that already exists"));
    }

    @Override
    public int run(List<String> args, CommandContext context, SerServices services) throws Exception {
        CommandLine a = CommandLines.parse(options(), args);
        CommandLines.noArguments(a, "");
        Path checkpoint = context.workingDirectory().resolve(CommandLines.require(a, "checkpoint"));
        Architecture arch;
        try {
            arch = Architecture.fromId(CommandLines.require(a, "arch"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> labels = new ArrayList<>();
        for (String l : CommandLines.require(a, "labels").split(",")) {
            labels.add(l.trim());
        }
        Path out = context.workingDirectory().resolve(CommandLines.require(a, "out")).normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException(out + ": is a file, not a folder: --out names the model folder to write");
        }
        // Any file the import would replace, not only model.json: a folder with a model card of its own is a model
        // folder too, and its README was overwritten without a word.
        for (String name : List.of(ModelDirectory.CONFIG, ModelDirectory.CARD, ModelConfig.WEIGHTS)) {
            if (Files.exists(out.resolve(name)) && !a.hasOption("force")) {
                throw new UsageException(out + ": already holds " + (name.equals(ModelDirectory.CONFIG) ? "a model"
                    : name) + "; pass --force to replace it");
            }
        }
        ModelConfig config = new ModelConfig();
        config.name = a.getOptionValue("name", out.getFileName() == null ? arch.id() : out.getFileName().toString());
        config.architecture = arch.id();
        config.classes = labels;
        config.hidden = CommandLines.integer(a, "hidden", CnnGru.DEFAULT_HIDDEN, 1);
        config.layers = CommandLines.integer(a, "layers", CnnGru.DEFAULT_LAYERS, 1);
        config.temporal = a.hasOption("temporal");
        config.license = a.getOptionValue("license");
        config.description = a.getOptionValue("description");
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        ModelDirectory written;
        try {
            written = services.models().withDjl(() -> CheckpointImporter.importCheckpoint(checkpoint, config, out));
        } catch (ModelException e) {
            throw new UsageException(e.getMessage());
        }
        context.out().println("wrote " + written.path() + ": " + arch.id() + ", " + labels.size() + " classes "
            + Arrays.toString(labels.toArray()) + "; " + written.config().source);
        return Command.OK;
    }
}
