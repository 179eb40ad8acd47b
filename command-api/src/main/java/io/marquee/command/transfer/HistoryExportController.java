package io.marquee.command.transfer;

import io.marquee.command.web.CallerResolver;
import io.marquee.events.ids.OrganizationId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /api/history/export}: the caller's organization's whole history as NDJSON, streamed as
 * it is read (ADMIN or ANALYST, see {@code CommandSecurityRules}). Gzip when the client accepts it or
 * asks with {@code ?gzip=true}.
 */
@RestController
class HistoryExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final HistoryExport export;
    private final CallerResolver callers;

    HistoryExportController(HistoryExport export, CallerResolver callers) {
        this.export = export;
        this.callers = callers;
    }

    @GetMapping("/api/history/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(name = "gzip", defaultValue = "false") boolean gzipAsked,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        OrganizationId organization = callers.current().organizationId();
        boolean gzip = gzipAsked || (acceptEncoding != null && acceptEncoding.toLowerCase().contains("gzip"));
        StreamingResponseBody body = out -> {
            if (gzip) {
                try (GZIPOutputStream zipped = new GZIPOutputStream(out, 64 * 1024)) {
                    export.writeTo(organization, zipped);
                }
            } else {
                export.writeTo(organization, out);
            }
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"marquee-" + organization
                        + (gzip ? ".ndjson.gz\"" : ".ndjson\""))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.body(body);
    }
}
