package com.networkpin.console;

/**
 * A sentence shown at the top of a page: what happened ({@code text}, in the page's language) and,
 * for a service's refusal, the service's own sentence ({@code detail}).
 */
public record Notice(String text, String detail, boolean error) {

    public static Notice info(String text) {
        return new Notice(text, null, false);
    }

    public static Notice error(String text, String detail) {
        return new Notice(text, detail, true);
    }

    /**
     * A refusal in human words: "busy, try again in n seconds" for a busy service, "try again later" for
     * another outage, else the problem's detail (or title).
     */
    public static Notice of(ServiceProblem problem, Msg msg) {
        if (problem.isBusy()) {
            return error(msg.problemBusy(problem.retryAfter().orElseThrow().toSeconds()), null);
        }
        return problem.isOutage() ? error(msg.problemOutage(), null) : error(msg.problemRefused(), problem.sentence());
    }
}
