package com.networkpin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every Japanese sentence of every bundle has its English one, and no English sentence is left over. */
class MessagesTest {

    @Test
    void everyMessageExistsInBothLanguages() throws IOException {
        assertSameKeys(Msg.class, "/messages/msg_en.properties");
        assertSameKeys(SupportMsg.class, "/messages/sup_en.properties");
        assertSameKeys(OperatorMsg.class, "/messages/op_en.properties");
    }

    private static void assertSameKeys(Class<?> bundle, String englishFile) throws IOException {
        Set<String> japanese = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties english = new Properties();
        try (Reader reader = new InputStreamReader(MessagesTest.class.getResourceAsStream(englishFile),
                StandardCharsets.UTF_8)) {
            english.load(reader);
        }
        assertEquals(japanese, new TreeSet<>(english.stringPropertyNames()), bundle.getSimpleName());
    }
}
