package com.networkpin.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The request as every page sees it ({@code {inject:page.…}} in the templates): the language, the
 * person logged in, their claims and access token, and the form token of their session.
 */
@Named("page")
@RequestScoped
public class Page {

    static final String LANGUAGE_COOKIE = "lang";
    static final String JAPANESE = "ja";
    static final String ENGLISH = "en";

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private final FormGuard forms;

    public Page(SecurityIdentity identity, HttpServerRequest request, FormGuard forms) {
        this.identity = identity;
        this.request = request;
        this.forms = forms;
    }

    /** {@code ja} unless the person chose English (cookie) or their browser asks for it first. */
    public String lang() {
        Cookie chosen = request.getCookie(LANGUAGE_COOKIE);
        if (chosen != null && (JAPANESE.equals(chosen.getValue()) || ENGLISH.equals(chosen.getValue()))) {
            return chosen.getValue();
        }
        return preferredByBrowser(request.getHeader("Accept-Language"));
    }

    static String preferredByBrowser(String acceptLanguage) {
        if (acceptLanguage == null) {
            return JAPANESE;
        }
        for (Locale.LanguageRange range : safeParse(acceptLanguage)) {
            String language = range.getRange().split("-")[0];
            if (JAPANESE.equals(language) || ENGLISH.equals(language)) {
                return language;
            }
        }
        return JAPANESE;
    }

    private static java.util.List<Locale.LanguageRange> safeParse(String header) {
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return java.util.List.of();
        }
    }

    public String otherLang() {
        return JAPANESE.equals(lang()) ? ENGLISH : JAPANESE;
    }

    /** The language switch: back to this very page afterwards. */
    public String switchHref() {
        String here = request.uri();
        return "/lang?to=" + otherLang() + "&back=" + URLEncoder.encode(here == null ? "/" : here, StandardCharsets.UTF_8);
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    /** The page's language from the locale a template is rendered in ({@link #locale}): {@code en}, else {@code ja}. */
    static String langOf(Object renderedLocale) {
        return String.valueOf(renderedLocale).startsWith(ENGLISH) ? ENGLISH : JAPANESE;
    }

    /** The messages in the page's language, for sentences made in Java. */
    public Msg msg() {
        return bundle(Msg.class);
    }

    /** Another message bundle ({@link SupportMsg}, {@link OperatorMsg}) in the page's language. */
    public <T> T bundle(Class<T> type) {
        return MessageBundles.get(type, Localized.Literal.of(lang()));
    }

    /** Renders in the page's language. */
    public TemplateInstance render(TemplateInstance template) {
        return template.setLocale(locale());
    }

    public boolean loggedIn() {
        return !identity.isAnonymous();
    }

    public String user() {
        return loggedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean customer() {
        return identity.hasRole("customer");
    }

    public boolean staff() {
        return identity.hasRole("shop-staff");
    }

    public String contractId() {
        return claim("contract_id");
    }

    public String shopId() {
        return claim("shop_id");
    }

    /** The form token of this login session: every POST form carries it. */
    public String csrf() {
        return forms.token(claim("sub"), claim("sid"));
    }

    /** Refuses a POST whose form token is not this session's. */
    public void checkForm(String presented) {
        forms.check(claim("sub"), claim("sid"), presented);
    }

    /** The person's own access token, which the services see. */
    public String accessToken() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return token.getToken();
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            return value == null ? null : value.toString();
        }
        return null;
    }
}
