package io.marquee.command.transfer;

import io.marquee.command.web.CallerResolver;
import io.marquee.events.ids.OrganizationId;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /api/history/export}: the caller's organization's whole history as NDJSON, streamed as
 * it is read (ADMIN or ANALYST, see {@code CommandSecurityRules}). Gzip when the client accepts it or
 * asks with {@code ?gzip=true}. Written on the request's own thread rather than asynchronously: an
 * export of a long history outlasts the servlet container's async timeout, and exports are rare.
 */
@RestController
class HistoryExportController {

    static final String NDJSON = "application/x-ndjson";

    private final HistoryExport export;
    private final CallerResolver callers;

    HistoryExportController(HistoryExport export, CallerResolver callers) {
        this.export = export;
        this.callers = callers;
    }

    @GetMapping("/api/history/export")
    void export(@RequestParam(name = "gzip", defaultValue = "false") boolean gzipAsked,
                @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
                HttpServletResponse response) throws IOException {
        OrganizationId organization = callers.current().organizationId();
        boolean gzip = gzipAsked || (acceptEncoding != null && acceptEncoding.toLowerCase().contains("gzip"));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(NDJSON);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"marquee-" + organization
                + (gzip ? ".ndjson.gz\"" : ".ndjson\""));
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            try (OutputStream zipped = new GZIPOutputStream(response.getOutputStream(), 64 * 1024)) {
                export.writeTo(organization, zipped);
            }
        } else {
            export.writeTo(organization, response.getOutputStream());
        }
    }
}
