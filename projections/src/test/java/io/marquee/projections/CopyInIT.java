package io.marquee.projections;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link CopyIn} copies reads back exactly as it was, whatever the text holds (COPY's own escapes,
 * tabs, line breaks, backslashes, quotes, non-ASCII), for every type the projections copy, nulls included.
 */
class CopyInIT extends ProjectionTestSupport {

    private static final String[] PIECES = {"a", "Z", "0", " ", "\t", "\n", "\r", "\\", "\\N", "\\t", "\"", "'", ",",
            "é", "日本", "🙂", "{", "}", "[", "]", "|", ";", "\u0001"};

    @Autowired
    TransactionTemplate transaction;

    private record Row(UUID id, String text, String json, Boolean flag, Long number, Integer small, Instant at) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void copied_rows_read_back_as_they_were(long seed) {
        String table = "copy_in_it_" + seed + "_" + Long.toHexString(System.nanoTime());
        jdbc.execute("CREATE TABLE " + table + " (id UUID PRIMARY KEY, text TEXT, json JSONB, flag BOOLEAN,"
                + " number BIGINT, small INTEGER, at TIMESTAMPTZ)");
        List<Row> rows = rows(new Random(seed), 300);

        transaction.executeWithoutResult(status -> CopyIn.copy(jdbc, table,
                List.of("id", "text", "json", "flag", "number", "small", "at"), rows, (row, line) -> line
                        .add(row.id()).add(row.text()).add(row.json()).add(row.flag()).add(row.number()).add(row.small())
                        .add(row.at())));

        for (Row row : rows) {
            Row stored = jdbc.queryForObject("SELECT id, text, json::text, flag, number, small, at FROM " + table
                    + " WHERE id = ?", (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                    rs.getString(3), (Boolean) rs.getObject(4), (Long) rs.getObject(5), (Integer) rs.getObject(6),
                    rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), row.id());
            String json = jdbc.queryForObject("SELECT ?::jsonb::text", String.class, row.json());
            assertThat(stored).isEqualTo(new Row(row.id(), row.text(), json, row.flag(), row.number(), row.small(),
                    row.at()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5})
    void a_row_that_exists_fails_the_whole_copy(long seed) {
        String table = "copy_in_it_" + seed + "_" + Long.toHexString(System.nanoTime());
        jdbc.execute("CREATE TABLE " + table + " (id UUID PRIMARY KEY, text TEXT)");
        UUID existing = UUID.randomUUID();
        jdbc.update("INSERT INTO " + table + " VALUES (?, 'there first')", existing);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> CopyIn.copy(jdbc, table,
                List.of("id", "text"), List.of(UUID.randomUUID(), existing), (id, line) -> line.add(id).add("copied"))))
                .hasMessageContaining("duplicate key");
        assertThat(jdbc.queryForList("SELECT text FROM " + table, String.class)).containsExactly("there first");
    }

    private static List<Row> rows(Random random, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean nulls = random.nextInt(5) == 0;
            rows.add(new Row(new UUID(random.nextLong(), random.nextLong()),
                    nulls ? null : text(random),
                    nulls ? null : "{\"name\": \"" + text(random).replace("\\", "\\\\").replace("\"", "\\\"")
                            .replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").replace("\u0001", "\\u0001")
                            + "\", \"tags\": [\"x\", " + random.nextInt() + "]}",
                    nulls ? null : random.nextBoolean(),
                    nulls ? null : random.nextLong(),
                    nulls ? null : random.nextInt(),
                    nulls ? null : Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L)
                            .truncatedTo(ChronoUnit.MICROS)));
        }
        return rows;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
