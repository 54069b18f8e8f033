package dev.lanyard.rs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import dev.lanyard.rs.servlet.InspectedBody;

/** The bounded, replayed body that the servlet filter reads for per-tool scope requirements. */
class ReplayingRequestTest {

    /** A POST request whose body is {@code in}; counts the bytes the filter takes from it. */
    static HttpServletRequest post(InputStream in, AtomicLong taken) {
        ServletInputStream body = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    taken.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    taken.addAndGet(n);
                }
                return n;
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(ReplayingRequestTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> body;
                    case "getMethod" -> "POST";
                    case "getCharacterEncoding" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void smallBodyIsInspectedWholeAndReplayedToTheServlet() throws IOException {
        byte[] json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
        ReplayingRequest r = ReplayingRequest.buffer(post(new ByteArrayInputStream(json), new AtomicLong()), 1024);
        InspectedBody seen = InspectedBody.of(r).orElseThrow();
        assertThat(seen.complete()).isTrue();
        assertThat(seen.bytes()).isEqualTo(json);
        assertThat(r.getReader().readLine()).isEqualTo(new String(json, StandardCharsets.UTF_8));
        assertThatThrownBy(r::getInputStream).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nonBlockingReadOfAnInMemoryBodyDeliversItAtOnce() throws IOException {
        // the MCP transport is asynchronous: a servlet may register a ReadListener on the replayed body
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        ReplayingRequest r = ReplayingRequest.buffer(post(new ByteArrayInputStream(json), new AtomicLong()), 16);
        ServletInputStream in = r.getInputStream();
        StringBuilder events = new StringBuilder();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                events.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            @Override
            public void onAllDataRead() {
                events.append("|done");
            }

            @Override
            public void onError(Throwable t) {
                events.append("|error");
            }
        });
        assertThat(events).hasToString("{}|done");
        assertThat(in.isFinished()).isTrue();
    }

    @Test
    void largeBodyIsReadOnlyUpToTheLimitAndTheServletStillGetsAllOfIt() throws IOException {
        // no body-size DoS: a 10 MB body costs the filter limit + 1 bytes of memory; the servlet streams the rest
        int size = 10 * 1024 * 1024;
        AtomicLong taken = new AtomicLong();
        InputStream huge = new InputStream() {
            private int left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }
        };
        ReplayingRequest r = ReplayingRequest.buffer(post(huge, taken), 100);
        assertThat(taken.get()).isEqualTo(101);
        InspectedBody seen = InspectedBody.of(r).orElseThrow();
        assertThat(seen.complete()).isFalse();
        assertThat(seen.bytes()).hasSize(100);
        long total = 0;
        byte[] buf = new byte[8192];
        ServletInputStream in = r.getInputStream();
        for (int n; (n = in.read(buf)) > 0;) {
            total += n;
        }
        assertThat(total).isEqualTo(size);
        assertThat(in.isFinished()).isTrue();
        assertThatThrownBy(() -> in.setReadListener(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bodyOfExactlyTheLimitIsComplete() throws IOException {
        byte[] body = new byte[64];
        ReplayingRequest r = ReplayingRequest.buffer(post(new ByteArrayInputStream(body), new AtomicLong()), 64);
        assertThat(r.complete()).isTrue();
        assertThat(r.prefix()).hasSize(64);
    }
}
