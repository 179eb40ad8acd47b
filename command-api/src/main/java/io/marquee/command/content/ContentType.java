package io.marquee.command.content;

/** What a content item is, which tells a player how to show it. Fixed when the content is created. */
enum ContentType {
    IMAGE, VIDEO, WEB_PAGE, HTML
}
