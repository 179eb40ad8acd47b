package io.marquee.loadtests;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GatlingStatsTest {

    private static final String TABLE = """
            <span onmouseover="isEllipsed('stats-table-ROOT')" id="stats-table-ROOT" class="ellipsed-name">All Requests</span>
              <td class="value total col-2">62</td>
              <td class="value total col-11">584</td>
            </tr>
            <span id="stats-table-req_poll" class="ellipsed-name">poll manifest</span>
              <td class="value total col-2">1,031</td>
              <td class="value ko col-4">-</td>
              <td class="value total col-11">12</td>
            </tr>""";

    @Test
    void readsTheCellsOfTheNamedRequestOnly() {
        // when
        Map<Integer, String> row = GatlingStats.row(TABLE, "poll manifest");

        // then
        assertThat(row).containsEntry(2, "1,031").containsEntry(4, "-").containsEntry(11, "12").doesNotContainKey(3);
    }

    @Test
    void readsTheAllRequestsRow() {
        // when
        Map<Integer, String> row = GatlingStats.row(TABLE, "All Requests");

        // then
        assertThat(row).containsEntry(2, "62").containsEntry(11, "584").hasSize(2);
    }
}
