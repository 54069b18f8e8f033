package dev.lanyard.rs.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read up to a bound before the servlet sees it: the first bytes stay in memory for
 * inspection, and the servlet reads them again followed by the rest of the original stream. At most
 * {@code limit + 1} bytes are held, whatever the body's length.
 */
public final class ReplayingRequest extends HttpServletRequestWrapper {

    private final byte[] prefix;
    private final boolean complete;
    private ServletInputStream stream;
    private BufferedReader reader;

    private ReplayingRequest(HttpServletRequest request, byte[] prefix, boolean complete) {
        super(request);
        this.prefix = prefix;
        this.complete = complete;
    }

    /** Reads up to {@code limit} bytes of {@code request}'s body (one more to know whether there is more). */
    public static ReplayingRequest buffer(HttpServletRequest request, int limit) throws IOException {
        byte[] read = request.getInputStream().readNBytes(limit + 1);
        boolean complete = read.length <= limit;
        return new ReplayingRequest(request, read, complete);
    }

    /** The first bytes of the body (all of it when {@link #complete()}). */
    public byte[] prefix() {
        return complete ? prefix.clone() : Arrays.copyOf(prefix, prefix.length - 1);
    }

    /** Whether {@link #prefix()} is the whole body. */
    public boolean complete() {
        return complete;
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was called");
        }
        if (stream == null) {
            InputStream whole = complete ? new ByteArrayInputStream(prefix)
                    : new SequenceInputStream(new ByteArrayInputStream(prefix), super.getInputStream());
            stream = new Replay(whole, complete);
        }
        return stream;
    }

    @Override
    public synchronized BufferedReader getReader() throws IOException {
        if (reader == null) {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() was called");
            }
            String encoding = getCharacterEncoding();
            // Servlet 6.0 §3.12: without a declared (or application default) encoding, ISO-8859-1, as unwrapped
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            InputStream in = getInputStream();
            stream = null;
            reader = new BufferedReader(new InputStreamReader(in, charset));
        }
        return reader;
    }

    /** The replayed body as a blocking servlet stream. */
    private static final class Replay extends ServletInputStream {
        private final InputStream in;
        private final boolean inMemory;
        private boolean finished;

        Replay(InputStream in, boolean inMemory) {
            this.in = in;
            this.inMemory = inMemory;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            finished = n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            if (!inMemory) {
                throw new IllegalStateException("non-blocking reads are not offered for a partly buffered body");
            }
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
