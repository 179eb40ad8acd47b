package io.marquee.command.display;

import java.util.List;

/** What a display is called, where it hangs, the timezone its schedule runs in, and its tags. */
record DisplayDetails(String name, String location, String timezone, List<String> tags) {

    /** Checked and normalized details: what an event may carry. */
    static DisplayDetails of(String name, String location, String timezone, List<String> tags) {
        return new DisplayDetails(DisplayRules.name(name), DisplayRules.location(location),
                DisplayRules.timezone(timezone), DisplayRules.tags(tags));
    }

    /** These details with the update's non-null fields applied, checked and normalized. */
    DisplayDetails updatedBy(UpdateDisplayCommand update) {
        return of(update.name() != null ? update.name() : name,
                update.location() != null ? update.location() : location,
                update.timezone() != null ? update.timezone() : timezone,
                update.tags() != null ? update.tags() : tags);
    }
}
