package io.marquee.query.history;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.OutputStream;
import java.util.UUID;

/**
 * Streams one organization's whole history through {@link HistoryReads#stream} (what the NDJSON
 * endpoint calls) into a counter, and prints {@code lines=<n> bytes=<n>}. Run in a JVM of its own with
 * a small heap by {@link HistoryStreamBoundedMemoryIT}: if the rows were held in memory it would fail.
 */
final class HistoryStreamProbe {

    private HistoryStreamProbe() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        HistoryReads reads = new HistoryReads(dataSource, new DataSourceTransactionManager(dataSource));
        CountingStream counter = new CountingStream();
        HistoryFilter filter = HistoryFilter.parse(UUID.fromString(args[3]), null, null, null, null, null, null, "1");
        reads.stream(filter, counter);
        System.out.println("lines=" + counter.lines + " bytes=" + counter.bytes
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }

    private static final class CountingStream extends OutputStream {
        long lines;
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
