package io.marquee.query.playerport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 responses written as bytes, without an encoder in the pipeline: a status line, headers and a
 * body in one buffer, so a pre-encoded answer goes to the socket in one write.
 */
final class HttpAnswers {

    private static final byte[] CRLF = {'\r', '\n'};

    private HttpAnswers() {
    }

    /** The response as bytes; {@code Content-Length} is the body's unless {@code chunked}. */
    static byte[] encode(HttpResponseStatus status, List<Map.Entry<String, String>> headers, byte[] body,
                         boolean withBody, boolean chunked) {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(status.code()).append(' ').append(status.reasonPhrase()).append("\r\n");
        for (Map.Entry<String, String> header : headers) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (status.code() != HttpResponseStatus.NOT_MODIFIED.code()) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[headBytes.length + (withBody ? body.length : 0)];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        if (withBody) {
            System.arraycopy(body, 0, out, headBytes.length, body.length);
        }
        return out;
    }

    /** One chunk of a chunked body. */
    static byte[] chunk(byte[] data) {
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size.length + data.length + CRLF.length];
        System.arraycopy(size, 0, out, 0, size.length);
        System.arraycopy(data, 0, out, size.length, data.length);
        System.arraycopy(CRLF, 0, out, size.length + data.length, CRLF.length);
        return out;
    }

    /**
     * Bytes that are written many times and never released: a direct buffer the garbage collector frees
     * (a JDK one, not Netty's cleaner-less kind), wrapped so that writes cannot release it. Write a
     * {@code duplicate()} of it.
     */
    static ByteBuf shared(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
    }
}
