package io.marquee.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link IsoInstants#parse} agrees with {@link Instant#parse} on every text, fast path or not. */
class IsoInstantsTest {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void reads_every_instant_its_writers_produce_as_instant_parse_does(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            // given: any instant of a four-digit year, with any number of fraction digits Instant.parse takes
            Instant instant = Instant.ofEpochSecond(YEAR_0 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0)),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String written = instant.toString();
            String trimmed = withFractionDigits(instant, random.nextInt(10));

            // when, then
            assertThat(IsoInstants.parse(written)).as(written).isEqualTo(Instant.parse(written)).isEqualTo(instant);
            assertThat(IsoInstants.parse(trimmed)).as(trimmed).isEqualTo(Instant.parse(trimmed));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-02-29T00:00:00Z", "2000-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.1Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.123Z",
            // outside the fast path, still accepted by Instant.parse: a leap second, midnight at its end, a point
            // without digits, an offset, a long year
            "2026-06-30T23:59:60Z", "2026-11-28T24:00:00Z", "2026-11-28T13:08:48.Z", "2026-11-28T13:08:48+01:00", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void valid_texts_read_as_instant_parse_reads_them(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-28T23:60:00Z",
            "2026-11-28T13:08:48.1234567890Z", "2026-11-28T13:08:48", "2026-11-28 13:08:48Z",
            "2026-11-28T13:08:4aZ", "2026-11-28T13:08:48.12a4Z", "2026-1-28T13:08:48Z", "", "not an instant"})
    void invalid_texts_are_refused_as_instant_parse_refuses_them(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    /** The instant with exactly {@code digits} digits of fraction (cut, not rounded), or none at all. */
    private static String withFractionDigits(Instant instant, int digits) {
        String seconds = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        if (digits == 0) {
            return seconds;
        }
        String nanos = String.format("%09d", instant.getNano());
        return seconds.substring(0, seconds.length() - 1) + "." + nanos.substring(0, digits) + "Z";
    }
}
