package dev.benchbook.fork;

import dev.benchbook.engine.RunListener;
import dev.benchbook.spec.ParamSet;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The child's side of {@link PerfStat}: switches perf's counting on when the measured iterations
 * start and off when they end, writing {@code enable} and {@code disable} to perf's control fifo and
 * waiting for its acknowledgement. Both happen on the measuring thread, outside the timed region.
 */
final class PerfControl implements RunListener {
    private final OutputStream ctl;
    private final BufferedReader ack;

    private PerfControl(OutputStream ctl, BufferedReader ack) {
        this.ctl = ctl;
        this.ack = ack;
    }

    /** The control of this fork, if the parent started it under perf; null otherwise. */
    static PerfControl fromProperties() throws IOException {
        String ctl = System.getProperty(PerfStat.CTL_PROPERTY);
        String ack = System.getProperty(PerfStat.ACK_PROPERTY);
        if (ctl == null || ack == null) {
            return null;
        }
        OutputStream out = new FileOutputStream(ctl);
        BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(ack), StandardCharsets.US_ASCII));
        return new PerfControl(out, in);
    }

    @Override
    public String id() {
        return "perf-control";
    }

    @Override
    public void onMeasurementStart(String benchmark, ParamSet params) {
        send("enable");
    }

    @Override
    public void onMeasurementEnd(String benchmark, ParamSet params) {
        send("disable");
    }

    private void send(String command) {
        try {
            ctl.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            ctl.flush();
            String reply = ack.readLine();
            if (reply == null || !reply.trim().startsWith("ack")) {
                throw new IOException("perf did not acknowledge \"" + command + "\" (got " + reply + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("perf control: " + e.getMessage(), e);
        }
    }
}
