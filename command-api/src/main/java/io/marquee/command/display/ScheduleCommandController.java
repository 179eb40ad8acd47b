package io.marquee.command.display;

import io.marquee.command.web.Caller;
import io.marquee.command.web.CallerResolver;
import io.marquee.command.web.CommandSender;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.ScheduleEntryId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Schedule commands: add and remove the entries that override a display's default playlist. */
@RestController
@RequestMapping("/api/displays/{displayId}/schedule")
class ScheduleCommandController {

    private static final String DAY = "(?i)MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY";
    /** HH:mm or HH:mm:ss, 00:00 to 23:59:59; nothing finer than a second. */
    private static final String TIME_OF_DAY = "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?";

    record AddScheduleEntryRequest(
            @NotNull UUID playlistId,
            @Size(max = 7) List<@NotNull @Pattern(regexp = DAY, message = "must be an ISO day name such as MONDAY") String> daysOfWeek,
            @Pattern(regexp = TIME_OF_DAY, message = "must be a time of day as HH:mm or HH:mm:ss") String startTime,
            @Pattern(regexp = TIME_OF_DAY, message = "must be a time of day as HH:mm or HH:mm:ss") String endTime,
            LocalDate startDate,
            LocalDate endDate,
            @Min(ScheduleRules.MIN_PRIORITY) @Max(ScheduleRules.MAX_PRIORITY) Integer priority) {
    }

    record AddScheduleEntryResponse(UUID entryId) {
    }

    private final CallerResolver callers;
    private final CommandSender sender;

    ScheduleCommandController(CallerResolver callers, CommandSender sender) {
        this.callers = callers;
        this.sender = sender;
    }

    @PostMapping
    ResponseEntity<AddScheduleEntryResponse> add(@PathVariable UUID displayId,
                                                 @Valid @RequestBody AddScheduleEntryRequest request) {
        Caller caller = callers.current();
        DisplayId display = new DisplayId(displayId);
        ScheduleEntryId entryId = ScheduleEntryId.random();
        HttpHeaders headers = sender.send(caller, new AddScheduleEntryCommand(display, caller.organizationId(), entryId,
                new PlaylistId(request.playlistId()), days(request.daysOfWeek()), time(request.startTime()),
                time(request.endTime()), request.startDate(), request.endDate(), request.priority()), display);
        headers.setLocation(URI.create("/api/displays/" + display + "/schedule/" + entryId));
        return new ResponseEntity<>(new AddScheduleEntryResponse(entryId.value()), headers, HttpStatus.CREATED);
    }

    @DeleteMapping("/{entryId}")
    ResponseEntity<Void> remove(@PathVariable UUID displayId, @PathVariable UUID entryId) {
        Caller caller = callers.current();
        DisplayId display = new DisplayId(displayId);
        HttpHeaders headers = sender.send(caller, new RemoveScheduleEntryCommand(display, caller.organizationId(),
                new ScheduleEntryId(entryId)), display);
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
    }

    /** Only called once validation has checked every name. */
    private static List<DayOfWeek> days(List<String> names) {
        return names == null ? null : names.stream().map(name -> DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT))).toList();
    }

    /** Only called once validation has checked the format. */
    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }
}
