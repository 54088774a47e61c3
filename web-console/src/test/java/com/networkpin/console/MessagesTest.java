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

/** Every Japanese sentence has its English one, and no English sentence is left over. */
class MessagesTest {

    @Test
    void everyMessageExistsInBothLanguages() throws IOException {
        Set<String> japanese = Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties english = new Properties();
        try (Reader reader = new InputStreamReader(MessagesTest.class.getResourceAsStream("/messages/msg_en.properties"),
                StandardCharsets.UTF_8)) {
            english.load(reader);
        }
        assertEquals(japanese, new TreeSet<>(english.stringPropertyNames()));
    }
}
