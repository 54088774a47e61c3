package com.networkpin.console;

import com.networkpin.console.Views.Bilingual;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * Names in the page's language: {@code {shop.localName}} is 新宿西口店 on a Japanese page and
 * Shinjuku West Exit Shop on an English one. The language is the locale the page is rendered in
 * ({@link Page#render}); a service that gave no Japanese name leaves the English one.
 */
public final class LocalNames {

    private LocalNames() {
    }

    @TemplateExtension
    public static String localName(Bilingual named, @TemplateAttribute("locale") Object locale) {
        return in(named, Page.langOf(locale));
    }

    @TemplateExtension
    public static String localPrefecture(Views.Shop shop, @TemplateAttribute("locale") Object locale) {
        return in(shop.prefectureNames(), Page.langOf(locale));
    }

    /** The name for a page in {@code lang} (ja, en). */
    static String in(Bilingual named, String lang) {
        return Page.ENGLISH.equals(lang) || named.nameJa() == null || named.nameJa().isBlank()
                ? named.name() : named.nameJa();
    }
}
