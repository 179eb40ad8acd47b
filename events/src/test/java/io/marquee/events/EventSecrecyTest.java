package io.marquee.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event may carry a secret: events are kept forever and served whole by the history. Every
 * catalogued type is checked twice, on its declared fields (nested records and lists included) and on
 * the JSON of its sample, against names that look like a password, hash, token or secret.
 */
class EventSecrecyTest {

    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(password|hash|token|secret|credential).*");

    final ObjectMapper json = MarqueeJson.newMapper();

    static Stream<EventType> catalogue() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void no_declared_field_of_an_event_is_named_like_a_secret(EventType type) {
        List<String> fields = new ArrayList<>();
        collectFields(type.javaType(), "", fields);

        assertThat(fields).isNotEmpty().noneMatch(field -> SECRET_LOOKING.matcher(field).matches());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void the_json_of_an_event_has_no_field_named_like_a_secret(EventType type) {
        MarqueeEvent sample = EventSamples.ALL.stream().filter(event -> event.getClass() == type.javaType())
                .findFirst().orElseThrow(() -> new AssertionError("no sample of " + type.name()));
        List<String> names = new ArrayList<>();
        collectNames(json.valueToTree(sample), names);

        assertThat(names).isNotEmpty().noneMatch(name -> SECRET_LOOKING.matcher(name).matches());
    }

    private static void collectFields(Type type, String path, List<String> fields) {
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                collectFields(argument, path, fields);
            }
        } else if (type instanceof Class<?> plain && plain.isRecord() && !plain.getPackageName().endsWith(".ids")) {
            for (RecordComponent component : plain.getRecordComponents()) {
                fields.add(path + component.getName());
                collectFields(component.getGenericType(), path + component.getName() + ".", fields);
            }
        }
    }

    private static void collectNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                names.add(field.getKey());
                collectNames(field.getValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectNames(element, names));
        }
    }
}
