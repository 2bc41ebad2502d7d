package org.skysieve.datasets.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What passes through the stream is passed on unchanged, and its checksum is that of the bytes as a whole. */
class DigestingOutputStreamTest {
    @Test
    void theChecksumOfPiecesOfEverySizeIsTheChecksumOfTheWhole() throws Exception {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            ByteArrayOutputStream target = new ByteArrayOutputStream();
            DigestingOutputStream digesting = new DigestingOutputStream(target);
            int pieces = random.nextInt(50);
            for (int piece = 0; piece < pieces; piece++) {
                byte[] buffer = new byte[random.nextInt(5000)];
                random.nextBytes(buffer);
                if (buffer.length > 0 && random.nextBoolean()) {
                    digesting.write(buffer[0]);
                } else {
                    int offset = buffer.length == 0 ? 0 : random.nextInt(buffer.length);
                    digesting.write(buffer, offset, buffer.length - offset);
                }
            }
            digesting.close();
            byte[] whole = target.toByteArray();
            FileChecksum checksum = digesting.checksum("piece.npy");
            assertThat(checksum).isEqualTo(new FileChecksum("piece.npy", whole.length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole))));
        }
    }
}
