package dev.benchbook.kernel.magic;

import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;
import java.util.List;

/** {@code %lsmagic}: every magic with its usage and what it does. */
final class LsMagic implements Magic {
    @Override
    public String name() {
        return "%lsmagic";
    }

    @Override
    public String help() {
        return "list every magic with its options and what it does";
    }

    @Override
    public JShellEvaluator.Result run(MagicCall call, MagicSession session) {
        if (!call.args().isBlank()) {
            throw new MagicError("%lsmagic " + call.args() + ": takes no arguments; write just %lsmagic");
        }
        return new JShellEvaluator.Result(true, new Listing(session.magics().all().stream()
                .map(m -> new Entry(m.name(), m.help())).toList()));
    }

    /** One magic's line in the listing. */
    record Entry(String name, String help) {
    }

    /** The listing: a table in a notebook, aligned lines as text. */
    record Listing(List<Entry> entries) implements Displayable {
        @Override
        public String toHtml() {
            StringBuilder b = new StringBuilder("<table class=\"benchbook-magics\"><thead><tr><th>magic</th>"
                    + "<th style=\"text-align:left\">usage and what it does</th></tr></thead><tbody>");
            for (Entry e : entries) {
                b.append("<tr><td><code>").append(Html.escape(e.name())).append("</code></td><td style=\"text-align:left\">")
                        .append(Html.escape(e.help())).append("</td></tr>");
            }
            return b.append("</tbody></table>").toString();
        }

        @Override
        public String toText() {
            int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
            StringBuilder b = new StringBuilder();
            for (Entry e : entries) {
                b.append(String.format("%-" + width + "s  %s%n", e.name(), e.help()));
            }
            return b.toString().stripTrailing();
        }
    }
}
