package io.marquee.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's commands tell their own options from the settings they pass on to the platform. */
class OptionsTest {

    @Test
    void valued_options_flags_and_platform_settings_are_told_apart() {
        // when
        Options options = Options.parse(new String[]{"--organization", "abc", "--gzip", "--marquee.data-dir=/tmp/x",
                "--out", "file.gz"}, "--organization", "--out");

        // then
        assertThat(options.value("--organization")).isEqualTo("abc");
        assertThat(options.value("--out")).isEqualTo("file.gz");
        assertThat(options.flag("--gzip")).isTrue();
        assertThat(options.settings()).containsExactly("--marquee.data-dir=/tmp/x");
    }

    @Test
    void a_valued_option_without_its_value_is_a_usage_error() {
        assertThat(Options.parse(new String[]{"--in"}, "--in")).isNull();
    }

    @Test
    void an_unknown_command_is_a_usage_error_and_starts_nothing() {
        assertThat(StandaloneCommands.dispatch(new String[]{"frobnicate"})).isEqualTo(2);
        assertThat(StandaloneCommands.dispatch(new String[]{"export", "--out", "x"})).isEqualTo(2);
        assertThat(StandaloneCommands.dispatch(new String[]{"import"})).isEqualTo(2);
    }
}
