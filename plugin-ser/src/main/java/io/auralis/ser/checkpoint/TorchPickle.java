package io.auralis.ser.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the pickle stream of a PyTorch checkpoint ({@code data.pkl}) without executing anything.
 *
 * <p>Why an interpreter of our own rather than a general unpickler: a state_dict needs only the data opcodes
 * (dicts, lists, tuples, strings, numbers) and four kinds of global: {@code collections.OrderedDict},
 * {@code torch._utils._rebuild_tensor_v2}, {@code torch._utils._rebuild_parameter} and the storage types such as
 * {@code torch.FloatStorage}. Accepting exactly those, with every other global and every object-building opcode
 * refused, is the same allow-list PyTorch's own {@code weights_only} loader uses, and it is small enough to read in
 * full. A general unpickler would have to be fenced in after the fact, and its registry of constructors is global to
 * the JVM.
 *
 * <p>The pickle is hostile until proven otherwise, so every cost is bounded: the stream's size (the caller's),
 * the number of operations ({@link #MAX_OPERATIONS}), stack and memo entries ({@link #MAX_ENTRIES}), MARK nesting
 * ({@link #MAX_MARK_DEPTH}); MARK costs O(1); dict keys may only be strings and integers (a tuple key is hashed
 * recursively: a self-referential one overflowed the stack, an exponentially nested one ran for hours); and nothing
 * here or after walks a value recursively.
 *
 * <p>Results are plain Java values: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null},
 * {@code byte[]}, {@link List} (Python lists), {@link Tuple}, {@link Map} (dicts, insertion-ordered) and
 * {@link TorchTensor}.
 */
final class TorchPickle {

    /** A Python tuple. */
    record Tuple(List<Object> items) {
        Object get(int i) {
            return items.get(i);
        }

        int size() {
            return items.size();
        }
    }

    /** Resolves a storage reference ({@code BINPERSID}) to the tensor data it names. */
    interface StorageResolver {
        TorchTensor.Storage storage(TorchTensor.DType type, String key, long numel) throws CheckpointFormatException;
    }

    /** Thrown for anything this reader will not or cannot read; the message has no file name. */
    static final class CheckpointFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        CheckpointFormatException(String message) {
            super(message);
        }
    }

    /** The callables a state_dict may name. */
    private enum Callable {
        ORDERED_DICT, REBUILD_TENSOR_V2, REBUILD_PARAMETER
    }

    private static final Map<String, Object> ALLOWED = new HashMap<>();

    static {
        ALLOWED.put("collections.OrderedDict", Callable.ORDERED_DICT);
        ALLOWED.put("torch._utils._rebuild_tensor_v2", Callable.REBUILD_TENSOR_V2);
        ALLOWED.put("torch._utils._rebuild_parameter", Callable.REBUILD_PARAMETER);
        for (TorchTensor.DType t : TorchTensor.DType.values()) {
            ALLOWED.put("torch." + t.storageName(), t);
        }
    }

    /** Operations in one pickle: a state_dict of a thousand tensors takes some 30,000. */
    static final long MAX_OPERATIONS = 10_000_000;
    /** Values on the stack, and memo entries. */
    static final int MAX_ENTRIES = 1_000_000;
    /** MARKs open at once: a state_dict nests a few deep. */
    static final int MAX_MARK_DEPTH = 1000;

    private final byte[] data;
    private final StorageResolver storages;
    private final List<Object> stack = new ArrayList<>();
    /** Where each open MARK is on the stack: a MARK is an index, not a copy of the stack. */
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int pos;
    private long operations;

    private TorchPickle(byte[] data, StorageResolver storages) {
        this.data = data;
        this.storages = storages;
    }

    /**
     * Reads one pickled object.
     *
     * @param data the whole pickle stream
     * @param storages resolves persistent storage ids
     * @return the object
     * @throws CheckpointFormatException for a refused global, an unsupported opcode, or a malformed stream
     */
    static Object load(byte[] data, StorageResolver storages) throws CheckpointFormatException {
        try {
            return new TorchPickle(data, storages).run();
        } catch (IndexOutOfBoundsException | ClassCastException | ArithmeticException | IllegalArgumentException e) {
            throw new CheckpointFormatException("malformed pickle stream (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private Object run() throws CheckpointFormatException {
        while (true) {
            if (pos >= data.length) {
                throw new CheckpointFormatException("pickle stream ends without STOP (truncated)");
            }
            if (++operations > MAX_OPERATIONS) {
                throw new CheckpointFormatException("pickle stream runs more than " + MAX_OPERATIONS
                    + " operations: far more than a state_dict needs");
            }
            int at = pos;
            int op = data[pos++] & 0xff;
            switch (op) {
                case 0x80: // PROTO
                    int proto = u8();
                    if (proto > 5) {
                        throw new CheckpointFormatException("pickle protocol " + proto + " is not supported");
                    }
                    break;
                case 0x95: // FRAME: framing is only a read-ahead hint
                    bytes(8);
                    break;
                case '.': // STOP
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw new CheckpointFormatException("malformed pickle stream (" + stack.size()
                            + " values at STOP)");
                    }
                    return stack.get(0);
                case '(': // MARK
                    if (marks.size() >= MAX_MARK_DEPTH) {
                        throw new CheckpointFormatException("pickle nests more than " + MAX_MARK_DEPTH
                            + " MARKs: far deeper than a state_dict");
                    }
                    marks.push(stack.size());
                    break;
                case '0': // POP
                    pop();
                    break;
                case '1': // POP_MARK
                    popMark();
                    break;
                case '2': // DUP
                    push(peek());
                    break;
                case 'N':
                    push(null);
                    break;
                case 0x88:
                    push(Boolean.TRUE);
                    break;
                case 0x89:
                    push(Boolean.FALSE);
                    break;
                case 'J': // BININT
                    push((long) le32());
                    break;
                case 'K': // BININT1
                    push((long) u8());
                    break;
                case 'M': // BININT2
                    push((long) (u8() | (u8() << 8)));
                    break;
                case 0x8a: // LONG1
                    push(longBytes(u8()));
                    break;
                case 0x8b: // LONG4
                    push(longBytes(le32()));
                    break;
                case 'G': // BINFLOAT, big-endian
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits = (bits << 8) | u8();
                    }
                    push(Double.longBitsToDouble(bits));
                    break;
                case 'X': // BINUNICODE
                    push(new String(bytes(le32()), StandardCharsets.UTF_8));
                    break;
                case 0x8c: // SHORT_BINUNICODE
                    push(new String(bytes(u8()), StandardCharsets.UTF_8));
                    break;
                case 0x8d: // BINUNICODE8
                    push(new String(bytes(le64Length()), StandardCharsets.UTF_8));
                    break;
                case 'T': // BINSTRING (Python 2 str)
                    push(new String(bytes(le32()), StandardCharsets.ISO_8859_1));
                    break;
                case 'U': // SHORT_BINSTRING
                    push(new String(bytes(u8()), StandardCharsets.ISO_8859_1));
                    break;
                case 'B': // BINBYTES
                    push(bytes(le32()));
                    break;
                case 'C': // SHORT_BINBYTES
                    push(bytes(u8()));
                    break;
                case 0x8e: // BINBYTES8
                    push(bytes(le64Length()));
                    break;
                case '}':
                    push(new LinkedHashMap<>());
                    break;
                case ']':
                    push(new ArrayList<>());
                    break;
                case ')':
                    push(new Tuple(List.of()));
                    break;
                case 't': // TUPLE
                    push(new Tuple(unmodifiable(popMark())));
                    break;
                case 0x85:
                    push(new Tuple(unmodifiable(popN(1))));
                    break;
                case 0x86:
                    push(new Tuple(unmodifiable(popN(2))));
                    break;
                case 0x87:
                    push(new Tuple(unmodifiable(popN(3))));
                    break;
                case 'l': // LIST
                    push(new ArrayList<>(popMark()));
                    break;
                case 'd': { // DICT
                    Map<Object, Object> map = new LinkedHashMap<>();
                    putAll(map, popMark());
                    push(map);
                    break;
                }
                case 'a': { // APPEND
                    Object v = pop();
                    asList(peek()).add(v);
                    break;
                }
                case 'e': { // APPENDS
                    List<Object> items = popMark();
                    asList(peek()).addAll(items);
                    break;
                }
                case 's': { // SETITEM
                    Object v = pop();
                    Object k = pop();
                    asMap(peek()).put(key(k), v);
                    break;
                }
                case 'u': { // SETITEMS
                    List<Object> items = popMark();
                    putAll(asMap(peek()), items);
                    break;
                }
                case 'q': // BINPUT
                    memoPut(u8());
                    break;
                case 'r': // LONG_BINPUT
                    memoPut(le32() & 0xffffffffL);
                    break;
                case 0x94: // MEMOIZE
                    memoPut(memo.size());
                    break;
                case 'h': // BINGET
                    push(memoGet(u8()));
                    break;
                case 'j': // LONG_BINGET
                    push(memoGet(le32() & 0xffffffffL));
                    break;
                case 'c': { // GLOBAL
                    String module = line();
                    String name = line();
                    push(global(module, name));
                    break;
                }
                case 0x93: { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String) || !(name instanceof String)) {
                        throw new CheckpointFormatException("malformed STACK_GLOBAL");
                    }
                    push(global((String) module, (String) name));
                    break;
                }
                case 'R': { // REDUCE
                    Object args = pop();
                    Object callable = pop();
                    push(reduce(callable, args));
                    break;
                }
                case 'b': { // BUILD: only OrderedDict's attributes (state_dict._metadata), which nothing needs
                    Object state = pop();
                    Object target = peek();
                    if (!(target instanceof Map) || !(state instanceof Map || state == null)) {
                        throw new CheckpointFormatException("refusing to set the state of a "
                            + typeName(target) + " (BUILD): not part of a state_dict");
                    }
                    break;
                }
                case 'Q': { // BINPERSID: a storage record
                    push(persistent(pop()));
                    break;
                }
                default:
                    throw new CheckpointFormatException(String.format(Locale.ROOT,
                        "unsupported pickle opcode 0x%02x at byte %d: not part of a state_dict", op, at));
            }
        }
    }

    private Object global(String module, String name) throws CheckpointFormatException {
        String qualified = module + "." + name;
        Object allowed = ALLOWED.get(qualified);
        if (allowed == null) {
            throw new CheckpointFormatException("refusing to load global '" + qualified + "': a checkpoint may "
                + "only hold a state_dict (collections.OrderedDict, torch._utils._rebuild_tensor_v2, "
                + "torch._utils._rebuild_parameter, torch storage types); nothing else is ever loaded"
                + ("__main__".equals(module) ? " (a whole pickled model? save model.state_dict() instead)" : ""));
        }
        return allowed;
    }

    private Object reduce(Object callable, Object args) throws CheckpointFormatException {
        if (!(callable instanceof Callable)) {
            throw new CheckpointFormatException("refusing to call " + typeName(callable) + " (REDUCE)");
        }
        if (!(args instanceof Tuple)) {
            throw new CheckpointFormatException("malformed REDUCE: arguments are not a tuple");
        }
        Tuple a = (Tuple) args;
        switch ((Callable) callable) {
            case ORDERED_DICT:
                if (a.size() != 0) {
                    throw new CheckpointFormatException("collections.OrderedDict called with arguments");
                }
                return new LinkedHashMap<>();
            case REBUILD_PARAMETER:
                if (a.size() < 1 || !(a.get(0) instanceof TorchTensor)) {
                    throw new CheckpointFormatException("malformed torch._utils._rebuild_parameter call");
                }
                return a.get(0);
            case REBUILD_TENSOR_V2:
                return rebuildTensor(a);
            default:
                throw new IllegalStateException(String.valueOf(callable));
        }
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private TorchTensor rebuildTensor(Tuple a) throws CheckpointFormatException {
        if (a.size() < 4 || !(a.get(0) instanceof TorchTensor.Storage) || !(a.get(1) instanceof Long)
            || !(a.get(2) instanceof Tuple) || !(a.get(3) instanceof Tuple)) {
            throw new CheckpointFormatException("malformed torch._utils._rebuild_tensor_v2 call");
        }
        long[] shape = longs((Tuple) a.get(2));
        long[] stride = longs((Tuple) a.get(3));
        if (shape.length != stride.length) {
            throw new CheckpointFormatException("tensor has " + shape.length + " dimensions but " + stride.length
                + " strides");
        }
        return TorchTensor.view((TorchTensor.Storage) a.get(0), (Long) a.get(1), shape, stride);
    }

    private Object persistent(Object pid) throws CheckpointFormatException {
        if (!(pid instanceof Tuple) || ((Tuple) pid).size() != 5 || !"storage".equals(((Tuple) pid).get(0))) {
            throw new CheckpointFormatException("unsupported persistent id " + describe(pid)
                + " (expected a storage record)");
        }
        Tuple t = (Tuple) pid;
        if (!(t.get(1) instanceof TorchTensor.DType) || !(t.get(2) instanceof String) || !(t.get(4) instanceof Long)) {
            throw new CheckpointFormatException("malformed storage record " + describe(pid));
        }
        return storages.storage((TorchTensor.DType) t.get(1), (String) t.get(2), (Long) t.get(4));
    }

    private static long[] longs(Tuple t) throws CheckpointFormatException {
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(t.get(i) instanceof Long) || (Long) t.get(i) < 0) {
                throw new CheckpointFormatException("tensor size or stride is not a non-negative integer");
            }
            out[i] = (Long) t.get(i);
        }
        return out;
    }

    private static void putAll(Map<Object, Object> map, List<Object> items) throws CheckpointFormatException {
        if (items.size() % 2 != 0) {
            throw new CheckpointFormatException("malformed dict items (odd count)");
        }
        for (int i = 0; i < items.size(); i += 2) {
            map.put(key(items.get(i)), items.get(i + 1));
        }
    }

    /** Strings and integers only: a state_dict needs no other key, and hashing a tuple key is recursive. */
    private static Object key(Object k) throws CheckpointFormatException {
        if (!(k instanceof String) && !(k instanceof Long)) {
            throw new CheckpointFormatException("dict key is a " + typeName(k) + ": a state_dict's keys are strings"
                + " (and integers)");
        }
        return k;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) throws CheckpointFormatException {
        if (!(o instanceof List)) {
            throw new CheckpointFormatException("malformed pickle: append to a " + typeName(o));
        }
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asMap(Object o) throws CheckpointFormatException {
        if (!(o instanceof Map)) {
            throw new CheckpointFormatException("malformed pickle: set item on a " + typeName(o));
        }
        return (Map<Object, Object>) o;
    }

    private void memoPut(long index) throws CheckpointFormatException {
        if (memo.size() >= MAX_ENTRIES && !memo.containsKey(index)) {
            throw new CheckpointFormatException("pickle memoizes more than " + MAX_ENTRIES + " values");
        }
        memo.put(index, peek());
    }

    private Object memoGet(long index) throws CheckpointFormatException {
        if (!memo.containsKey(index)) {
            throw new CheckpointFormatException("malformed pickle: memo entry " + index + " is not defined");
        }
        return memo.get(index);
    }

    private void push(Object o) throws CheckpointFormatException {
        if (stack.size() >= MAX_ENTRIES) {
            throw new CheckpointFormatException("pickle stack holds more than " + MAX_ENTRIES + " values");
        }
        stack.add(o);
    }

    private Object pop() throws CheckpointFormatException {
        if (stack.size() <= floor()) {
            throw new CheckpointFormatException("malformed pickle: stack underflow at byte " + pos);
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws CheckpointFormatException {
        if (stack.size() <= floor()) {
            throw new CheckpointFormatException("malformed pickle: stack underflow at byte " + pos);
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) throws CheckpointFormatException {
        if (stack.size() - floor() < n) {
            throw new CheckpointFormatException("malformed pickle: stack underflow at byte " + pos);
        }
        List<Object> tail = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return tail;
    }

    /** The items pushed since the last MARK, taken off the stack. */
    private List<Object> popMark() throws CheckpointFormatException {
        if (marks.isEmpty()) {
            throw new CheckpointFormatException("malformed pickle: no MARK at byte " + pos);
        }
        int mark = marks.pop();
        List<Object> tail = stack.subList(mark, stack.size());
        List<Object> items = new ArrayList<>(tail);
        tail.clear();
        return items;
    }

    /** The values below the innermost MARK belong to the enclosing container: opcodes inside it cannot reach them. */
    private int floor() {
        return marks.isEmpty() ? 0 : marks.peek();
    }

    private static List<Object> unmodifiable(List<Object> items) {
        return java.util.Collections.unmodifiableList(items);
    }

    private int u8() throws CheckpointFormatException {
        need(1);
        return data[pos++] & 0xff;
    }

    private int le32() throws CheckpointFormatException {
        need(4);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16
            | (data[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    private int le64Length() throws CheckpointFormatException {
        need(8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        pos += 8;
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new CheckpointFormatException("malformed pickle: length " + Long.toUnsignedString(v));
        }
        return (int) v;
    }

    private byte[] bytes(int n) throws CheckpointFormatException {
        if (n < 0) {
            throw new CheckpointFormatException("malformed pickle: negative length at byte " + pos);
        }
        need(n);
        byte[] b = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    private void need(int n) throws CheckpointFormatException {
        if (pos + (long) n > data.length) {
            throw new CheckpointFormatException("pickle stream is truncated (needs " + n + " more bytes at byte "
                + pos + ")");
        }
    }

    private String line() throws CheckpointFormatException {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        if (pos >= data.length) {
            throw new CheckpointFormatException("pickle stream is truncated inside a GLOBAL");
        }
        String s = new String(data, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        return s;
    }

    private Long longBytes(int n) throws CheckpointFormatException {
        if (n < 0 || n > 8) {
            throw new CheckpointFormatException("integer of " + n + " bytes is too large for a checkpoint value");
        }
        byte[] b = bytes(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        if (n > 0 && n < 8 && (b[n - 1] & 0x80) != 0) {
            v -= 1L << (8 * n); // two's complement sign
        }
        return v;
    }

    private static String typeName(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Callable || o instanceof TorchTensor.DType) {
            return "'" + o + "'";
        }
        return o.getClass().getSimpleName();
    }

    /** One level deep: the value came from the pickle, and rendering it whole would recurse into whatever it holds. */
    private static String describe(Object o) {
        if (!(o instanceof Tuple t)) {
            return o instanceof String || o instanceof Long ? "'" + o + "'" : typeName(o);
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(t.size(), 5); i++) {
            Object item = t.get(i);
            items.add(item instanceof String || item instanceof Long || item instanceof TorchTensor.DType
                ? String.valueOf(item) : typeName(item));
        }
        String s = "(" + String.join(", ", items) + (t.size() > 5 ? ", ..." : "") + ")";
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
