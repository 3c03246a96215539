package io.auralis.audio.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auralis.audio.detect.Signature.Kind;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

class MagicBytesTest {

    private static Signature identify(byte[] head) {
        return MagicBytes.identify(Arrays.copyOf(head, Math.max(head.length, 64)), head.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void riffWaveAndItsSixtyFourBitVariantsAreWav() {
        assertEquals(new Signature(Kind.WAV, "wav", "WAV audio"), identify(ascii("RIFF\0\0\0\0WAVEfmt ")));
        assertEquals("rf64", identify(ascii("RF64\377\377\377\377WAVEds64")).format());
        assertEquals("bw64", identify(ascii("BW64\377\377\377\377WAVEds64")).format());
    }

    @Test
    void riffOfAnotherTypeIsNamed() {
        Signature avi = identify(ascii("RIFF\0\0\0\0AVI LIST"));
        assertEquals(Kind.RIFF_NOT_WAVE, avi.kind());
        assertEquals("RIFF form type 'AVI '", avi.description());
    }

    @Test
    void compressedAudioGoesToFfmpegWithItsName() {
        assertEquals(new Signature(Kind.FFMPEG, "mp3", "MP3 audio"), identify(ascii("ID3\u0004\0\0\0\0\0\0")));
        assertEquals("mp3", identify(bytes(0xFF, 0xFB, 0x90, 0x64)).format());
        assertEquals("aac", identify(bytes(0xFF, 0xF1, 0x50, 0x80)).format());
        assertEquals("m4a", identify(ascii("\0\0\0\u0020ftypM4A \0\0\0\0")).format());
        assertEquals("mp4", identify(ascii("\0\0\0\u0020ftypisom\0\0\0\0")).format());
        assertEquals("matroska", identify(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x01)).format());
    }

    @Test
    void flacAiffAndAuAreReadInJavaNotByFfmpeg() {
        assertEquals(new Signature(Kind.FLAC, "flac", "FLAC audio"), identify(ascii("fLaC\0\0\0\u0010")));
        assertEquals(new Signature(Kind.JAVA_SOUND, "aiff", "AIFF audio"), identify(ascii("FORM\0\0\0\0AIFFCOMM")));
        assertEquals(Kind.JAVA_SOUND, identify(ascii("FORM\0\0\0\0AIFCFVER")).kind());
        assertEquals(new Signature(Kind.JAVA_SOUND, "au", "Sun AU audio"), identify(ascii(".snd\0\0\0\u0018")));
        // FLAC in an Ogg container is another matter: only ffmpeg reads it.
        byte[] page = new byte[64];
        System.arraycopy(ascii("OggS"), 0, page, 0, 4);
        System.arraycopy(ascii("\u007fFLAC"), 0, page, 28, 5);
        assertEquals(new Signature(Kind.FFMPEG, "ogg", "Ogg FLAC audio"), MagicBytes.identify(page, 64));
    }

    @Test
    void oggNamesItsCodecFromTheFirstPacket() {
        byte[] page = new byte[64];
        System.arraycopy(ascii("OggS"), 0, page, 0, 4);
        System.arraycopy(ascii("OpusHead"), 0, page, 28, 8);
        assertEquals(new Signature(Kind.FFMPEG, "opus", "Opus audio"), MagicBytes.identify(page, 64));
        System.arraycopy(ascii("\u0001vorbis\0\0"), 0, page, 28, 9);
        assertEquals("Ogg Vorbis audio", MagicBytes.identify(page, 64).description());
    }

    @Test
    void commonNonAudioFilesAreNamed() {
        assertEquals(new Signature(Kind.NOT_AUDIO, null, "text"), identify(ascii("file,label\nx.wav,happy\n")));
        assertEquals("text", identify("Grüße aus Berlin\r\n".getBytes(StandardCharsets.UTF_8)).description());
        assertEquals("a PDF document", identify(ascii("%PDF-1.7\n")).description());
        assertEquals("a JPEG image", identify(bytes(0xFF, 0xD8, 0xFF, 0xE0)).description());
        assertEquals("a ZIP archive", identify(bytes('P', 'K', 3, 4, 20, 0)).description());
        assertEquals("an executable (ELF)", identify(bytes(0x7F, 'E', 'L', 'F', 2, 1)).description());
    }

    @Test
    void latinOneBytesThatAreNotUtf8AreNotText() {
        assertEquals(Kind.UNKNOWN, identify(bytes('a', 0xE9, 'b', 0xFC, 'c')).kind());
    }

    @Test
    void aUtf8CharacterCutAtTheEndOfTheHeadIsStillText() {
        byte[] text = "abcé".getBytes(StandardCharsets.UTF_8);
        assertEquals(Kind.NOT_AUDIO, identify(Arrays.copyOf(text, text.length - 1)).kind());
    }

    @Test
    void unknownBinaryListsItsFirstBytes() {
        Signature unknown = identify(bytes(0, 1, 2, 0xAB));
        assertEquals(Kind.UNKNOWN, unknown.kind());
        assertEquals("unrecognised content starting with bytes 00 01 02 AB", unknown.description());
    }
}
