package io.auralis.ser.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes (protocol 2), for checkpoints made in tests; just enough of the format for them. */
public final class PickleWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PickleWriter() {
        out.write(0x80);
        out.write(2);
    }

    public PickleWriter op(int opcode) {
        out.write(opcode);
        return this;
    }

    public PickleWriter ops(String opcodes) {
        for (char c : opcodes.toCharArray()) {
            out.write(c);
        }
        return this;
    }

    public PickleWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        le(b.length, 4);
        out.writeBytes(b);
        return this;
    }

    /** LONG1 with eight bytes: any long. */
    public PickleWriter integer(long v) {
        out.write(0x8a);
        out.write(8);
        le(v, 8);
        return this;
    }

    public PickleWriter global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public PickleWriter repeat(int times, String opcodes) {
        for (int i = 0; i < times; i++) {
            ops(opcodes);
        }
        return this;
    }

    /** A {@code _rebuild_tensor_v2} call on storage {@code 0} of {@code numel} floats. */
    public PickleWriter tensor(long numel, long offset, long[] shape, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").op('(');
        op('(').str("storage").global("torch", "FloatStorage").str("0").str("cpu").integer(numel).op('t')
            .op('Q');
        integer(offset);
        op('(');
        for (long s : shape) {
            integer(s);
        }
        op('t').op('(');
        for (long s : stride) {
            integer(s);
        }
        op('t').op(0x89).global("collections", "OrderedDict").op(')').op('R').op('t').op('R');
        return this;
    }

    private void le(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
