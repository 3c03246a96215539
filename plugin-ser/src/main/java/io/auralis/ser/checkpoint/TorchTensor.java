package io.auralis.ser.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * A tensor read from a PyTorch checkpoint: a strided view into a storage, converted to {@code float} on demand.
 */
public final class TorchTensor {

    /** The element types of PyTorch storages, by their pickled type name. */
    public enum DType {
        /** {@code torch.float32}. */
        FLOAT32("FloatStorage", 4, true),
        /** {@code torch.float64}, narrowed to float on import. */
        FLOAT64("DoubleStorage", 8, true),
        /** {@code torch.float16}, widened to float on import. */
        FLOAT16("HalfStorage", 2, true),
        /** {@code torch.bfloat16}, widened to float on import. */
        BFLOAT16("BFloat16Storage", 2, true),
        /** {@code torch.int64}, as in batch norm's {@code num_batches_tracked}. */
        INT64("LongStorage", 8, false),
        /** {@code torch.int32}. */
        INT32("IntStorage", 4, false),
        /** {@code torch.int16}. */
        INT16("ShortStorage", 2, false),
        /** {@code torch.int8}. */
        INT8("CharStorage", 1, false),
        /** {@code torch.uint8}. */
        UINT8("ByteStorage", 1, false),
        /** {@code torch.bool}. */
        BOOL("BoolStorage", 1, false);

        private final String storageName;
        private final int bytes;
        private final boolean floating;

        DType(String storageName, int bytes, boolean floating) {
            this.storageName = storageName;
            this.bytes = bytes;
            this.floating = floating;
        }

        /**
         * The storage class name in {@code torch}, such as {@code FloatStorage}.
         *
         * @return the name
         */
        public String storageName() {
            return storageName;
        }

        /**
         * Bytes per element.
         *
         * @return the element size
         */
        public int bytes() {
            return bytes;
        }

        /**
         * Whether the type holds real numbers that convert to float.
         *
         * @return {@code true} for the floating-point types
         */
        public boolean floating() {
            return floating;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The raw data of one storage record ({@code <archive>/data/<key>}).
     *
     * @param type the element type
     * @param key the record name
     * @param numel the element count the pickle declares
     * @param data the bytes, {@code numel * type.bytes()} long
     * @param order the byte order of the writer
     */
    public record Storage(DType type, String key, long numel, ByteBuffer data, ByteOrder order) {
    }

    private final Storage storage;
    private final long offset;
    private final long[] shape;
    private final long[] stride;

    private TorchTensor(Storage storage, long offset, long[] shape, long[] stride) {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape.clone();
        this.stride = stride.clone();
    }

    /**
     * A view as {@code _rebuild_tensor_v2} describes it, checked to lie inside its storage. The sizes come from the
     * file, so the arithmetic is exact: {@code numel} or {@code (size - 1) * stride} that wrapped around passed the
     * bounds check and read outside the storage.
     *
     * @param storage the storage
     * @param offset the first element
     * @param shape the sizes, non-negative
     * @param stride the strides, non-negative, one per size
     * @return the tensor
     * @throws TorchPickle.CheckpointFormatException if the view is too large or reaches outside the storage
     */
    static TorchTensor view(Storage storage, long offset, long[] shape, long[] stride)
            throws TorchPickle.CheckpointFormatException {
        if (offset < 0) {
            throw new TorchPickle.CheckpointFormatException("tensor starts at element " + offset
                + " of its storage (corrupt checkpoint)");
        }
        try {
            long n = 1;
            long last = offset;
            boolean empty = false;
            for (int d = 0; d < shape.length; d++) {
                n = Math.multiplyExact(n, shape[d]);
                empty |= shape[d] == 0;
                if (shape[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(shape[d] - 1, stride[d]));
                }
            }
            if (n > Integer.MAX_VALUE) {
                throw new TorchPickle.CheckpointFormatException("tensor of " + n + " elements is too large");
            }
            if (!empty && last >= storage.numel()) {
                throw new TorchPickle.CheckpointFormatException("tensor view reaches element " + last
                    + " of a storage of " + storage.numel() + " (corrupt checkpoint)");
            }
        } catch (ArithmeticException e) {
            throw new TorchPickle.CheckpointFormatException("tensor of shape " + Arrays.toString(shape)
                + ", strides " + Arrays.toString(stride) + " and offset " + offset
                + " overflows 64 bits (corrupt checkpoint)");
        }
        return new TorchTensor(storage, offset, shape, stride);
    }

    /**
     * The element type.
     *
     * @return the storage's type
     */
    public DType dtype() {
        return storage.type();
    }

    /**
     * The shape.
     *
     * @return a copy of the sizes, outermost first
     */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The number of elements.
     *
     * @return the product of the sizes
     */
    public long numel() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /**
     * Copies the values out in row-major order, converting floating types to {@code float}.
     *
     * @return the values
     * @throws IllegalStateException if the type is not floating point
     */
    public float[] toFloatArray() {
        if (!storage.type().floating()) {
            throw new IllegalStateException("dtype " + storage.type() + " is not floating point");
        }
        // view() checked the sizes: the element count fits an int and every element lies inside the storage.
        long n = numel();
        if (n == 0) {
            return new float[0];
        }
        ByteBuffer buf = storage.data().duplicate().order(storage.order());
        float[] out = new float[(int) n];
        long[] index = new long[shape.length];
        for (int i = 0; i < out.length; i++) {
            long element = offset;
            for (int d = 0; d < shape.length; d++) {
                element += index[d] * stride[d];
            }
            out[i] = read(buf, Math.toIntExact(element * storage.type().bytes()));
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return out;
    }

    private float read(ByteBuffer buf, int at) {
        switch (storage.type()) {
            case FLOAT32:
                return buf.getFloat(at);
            case FLOAT64:
                return (float) buf.getDouble(at);
            case BFLOAT16:
                return Float.intBitsToFloat((buf.getShort(at) & 0xffff) << 16);
            case FLOAT16:
                return halfToFloat(buf.getShort(at));
            default:
                throw new IllegalStateException("dtype " + storage.type() + " is not floating point");
        }
    }

    /** IEEE 754 binary16 to binary32, including subnormals, infinities and NaN. */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    @Override
    public String toString() {
        return dtype() + Arrays.toString(shape);
    }
}
