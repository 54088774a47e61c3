package com.networkpin.launcher;

import java.io.PrintStream;

/** Prints the demo as a story: a plain-words step, the real request, the real answer. */
public final class DemoPrinter {

    private static final int MAX_BODY_LINES = 24;

    private final PrintStream out;
    private int step;

    public DemoPrinter(PrintStream out) {
        this.out = out;
    }

    /** A printer that prints nothing, for the end-to-end tests. */
    public static DemoPrinter silent() {
        return new DemoPrinter(new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    public void chapter(String title) {
        out.printf("%n══ %s ══%n", title);
    }

    public void step(String words) {
        out.printf("%n%d. %s%n", ++step, words);
    }

    public void note(String words) {
        out.printf("   %s%n", words);
    }

    public void exchange(Http.Reply reply) {
        out.printf("   → %s%n", reply.caller());
        out.printf("   → %s %s%s%n", reply.method(), reply.url(),
                reply.requestBody() == null ? "" : "  " + reply.requestBody());
        out.printf("   ← %d%n", reply.status());
        String body = reply.body().isMissingNode() ? reply.rawBody() : Http.pretty(reply.body());
        String[] lines = body.split("\n");
        for (int i = 0; i < Math.min(lines.length, MAX_BODY_LINES); i++) {
            out.printf("     %s%n", lines[i]);
        }
        if (lines.length > MAX_BODY_LINES) {
            out.printf("     … (%d more lines)%n", lines.length - MAX_BODY_LINES);
        }
    }
}
