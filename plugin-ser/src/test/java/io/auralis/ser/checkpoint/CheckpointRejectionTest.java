package io.auralis.ser.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad checkpoints fail with one line naming the file and the problem, and never run pickled code. */
class CheckpointRejectionTest {

    @TempDir
    Path dir;

    private Path zipWithPickle(String name, byte[] pickle) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
        }
        return file;
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String failure(Path file) {
        return assertThrows(ModelException.class, () -> TorchCheckpoint.read(file)).getMessage();
    }

    private String importFailure(String fixture, ModelConfig config) {
        return assertThrows(ModelException.class, () -> CheckpointImporter.importCheckpoint(
            Fixtures.file(fixture), config, dir.resolve("out"))).getMessage();
    }

    @Test
    void pickleCallingOsSystemIsRefusedWithoutRunningIt() throws IOException {
        Path marker = dir.resolve("pwned");
        // protocol 2: GLOBAL os.system, a tuple with one command, REDUCE
        String command = "touch " + marker;
        byte[] pickle = bytes("\u0080\u0002cos\nsystem\nq\u0000X" + le32(command.length()) + command
            + "q\u0001\u0085q\u0002Rq\u0003.");
        Path file = zipWithPickle("evil.pth", pickle);
        String message = failure(file);
        assertTrue(message.startsWith(file + ": refusing to load global 'os.system'"), message);
        assertTrue(!Files.exists(marker));
    }

    @Test
    void protocolFourStackGlobalOfBuiltinsEvalIsRefused() throws IOException {
        byte[] pickle = bytes("\u0080\u0004\u008c\u0008builtins\u0094\u008c\u0004eval\u0094\u0093\u0094"
            + "\u008c\u00041+1\u0094\u0085\u0094R\u0094.");
        String message = failure(zipWithPickle("eval.pth", pickle));
        assertTrue(message.contains("refusing to load global 'builtins.eval'"), message);
    }

    @Test
    void wholePickledModelIsRefusedWithAHint() throws IOException {
        byte[] pickle = bytes("\u0080\u0002c__main__\nCNN3GRU\nq\u0000)\u0081q\u0001.");
        String message = failure(zipWithPickle("model.pth", pickle));
        assertTrue(message.contains("'__main__.CNN3GRU'") && message.contains("model.state_dict()"), message);
    }

    @Test
    void objectBuildingOpcodesAreRefused() throws IOException {
        // calling an allowed storage type is not something a state_dict does
        byte[] pickle = bytes("\u0080\u0002ctorch\nFloatStorage\nq\u0000)Rq\u0001.");
        String message = failure(zipWithPickle("call.pth", pickle));
        assertTrue(message.contains("refusing to call"), message);
    }

    @Test
    void fileThatIsNotAZipIsNamedAsSuch() throws IOException {
        Path file = dir.resolve("notes.pth");
        Files.writeString(file, "these are not weights");
        assertEquals(file + ": not a PyTorch checkpoint (not a zip archive)", failure(file));
    }

    @Test
    void emptyAndMissingFilesAreNamed() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pth"));
        assertEquals(empty + ": empty file", failure(empty));
        Path missing = dir.resolve("missing.pth");
        assertEquals(missing + ": no such file", failure(missing));
    }

    @Test
    void truncatedCheckpointIsACorruptArchive() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.file("cnn3gru.pth"));
        Path file = dir.resolve("half.pth");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(whole, 0, whole.length / 2);
        }
        assertTrue(failure(file).startsWith(file + ": corrupt zip archive"), failure(file));
    }

    @Test
    void legacyFormatIsExplained() {
        Path file = Fixtures.file("legacy.pth");
        assertTrue(failure(file).startsWith(file + ": legacy PyTorch format"), failure(file));
    }

    @Test
    void zipWithoutDataPklIsNotACheckpoint() throws IOException {
        Path file = dir.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write(1);
            zip.closeEntry();
        }
        assertTrue(failure(file).contains("without data.pkl"), failure(file));
    }

    @Test
    void wrongArchitectureNamesTheMissingTensors() {
        String message = importFailure("cnn3gru.pth", CheckpointImportTest.config("cnn5gru", 64, 1, false));
        assertTrue(message.contains("checkpoint has no tensors 'conv3.weight'"), message);
    }

    @Test
    void wrongHiddenSizeNamesTheTensorAndBothShapes() {
        String message = importFailure("cnn3gru.pth", CheckpointImportTest.config("cnn3gru", 32, 1, false));
        assertTrue(message.contains("tensor 'gru1.weight_ih_l0' has shape [192, 3] in the checkpoint but")
            && message.contains("needs [96, 3]"), message);
    }

    @Test
    void tooFewLabelsIsAShapeMismatchOfFc2WithAHint() {
        ModelConfig config = CheckpointImportTest.config("cnn3gru", 64, 1, false);
        config.classes = config.classes.subList(0, 6);
        String message = importFailure("cnn3gru.pth", config);
        assertTrue(message.contains("'fc2.weight' has shape [7, 64]") && message.contains("--labels"), message);
    }

    @Test
    void extraLayersInTheCheckpointAreReported() {
        String message = importFailure("cnn11gru.pth", CheckpointImportTest.config("cnn11gru", 32, 1, false));
        assertTrue(message.contains("that CnnGru(cnn11gru") && message.contains("gru1.weight_ih_l1"), message);
    }

    @Test
    void integerWeightsAreRefusedByDtype() {
        String message = importFailure("int16.pth", CheckpointImportTest.config("cnn3gru", 64, 1, false));
        assertTrue(message.contains("'conv1.weight' has dtype int16"), message);
    }

    @Test
    void halfPrecisionDecodesExactly() {
        assertEquals(1.0f, TorchTensor.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, TorchTensor.halfToFloat((short) 0xc000));
        assertEquals(65504f, TorchTensor.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, TorchTensor.halfToFloat((short) 0x0001));
        assertTrue(Float.isInfinite(TorchTensor.halfToFloat((short) 0x7c00)));
    }

    private static String le32(int n) {
        return new String(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)},
            StandardCharsets.ISO_8859_1);
    }
}
