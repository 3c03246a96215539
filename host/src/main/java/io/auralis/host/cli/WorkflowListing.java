package io.auralis.host.cli;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.host.workflow.WorkflowDefinition;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowLibrary;
import io.auralis.host.workflow.WorkflowReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code analyze --list-workflows}: the installation's workflows by name, each with its description. */
final class WorkflowListing {

    private WorkflowListing() {
    }

    /**
     * Prints the workflows, one a line.
     *
     * @param library the installation's workflows
     * @param context where to print
     * @return the exit code: 0
     * @throws UsageException when the folder cannot be listed
     */
    static int print(WorkflowLibrary library, CommandContext context) throws UsageException {
        List<Path> files;
        try {
            files = library.list();
        } catch (IOException e) {
            throw new UsageException(library.folder() + ": cannot be listed: " + e.getMessage());
        }
        if (files.isEmpty()) {
            context.err().println("auralis: no workflows in " + library.folder());
            return Command.OK;
        }
        WorkflowReader reader = new WorkflowReader();
        int width = files.stream().mapToInt(f -> WorkflowLibrary.nameOf(f).length()).max().orElse(0);
        for (Path f : files) {
            String description;
            try {
                WorkflowDefinition d = reader.read(f);
                description = d.description == null ? "" : d.description;
            } catch (WorkflowException e) {
                description = "(cannot be read: " + e.problems().get(0) + ")";
            }
            String name = WorkflowLibrary.nameOf(f);
            context.out().println(name + " ".repeat(width - name.length() + 2) + description);
        }
        return Command.OK;
    }
}
