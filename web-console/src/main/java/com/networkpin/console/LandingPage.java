package com.networkpin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestQuery;

/** The page anyone sees first, with the way in for customers and shop staff; and the language switch. */
@Path("/")
@PermitAll
public class LandingPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();
    }

    private final Page page;

    public LandingPage(Page page) {
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        return page.render(Templates.index());
    }

    /** Keeps the chosen language in a cookie and goes back to the page it was chosen on (a path of this site only). */
    @GET
    @Path("lang")
    public Response language(@RestQuery String to, @RestQuery String back) {
        String language = Page.ENGLISH.equals(to) ? Page.ENGLISH : Page.JAPANESE;
        NewCookie cookie = new NewCookie.Builder(Page.LANGUAGE_COOKIE).value(language).path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(localPath(back))).cookie(cookie).build();
    }

    static String localPath(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }
}
