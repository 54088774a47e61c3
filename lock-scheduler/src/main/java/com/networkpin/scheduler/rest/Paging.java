package com.networkpin.scheduler.rest;

import com.networkpin.scheduler.domain.PageRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters of a listing. They are read as text and
 * checked by pattern: an int parameter that does not parse would be answered 404 by JAX-RS, and
 * a bad value is the client's error (400).
 */
public class Paging {

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "0|[1-9][0-9]{0,8}", message = "must be a whole number from 0 to 999999999")
    @Parameter(description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "999999999", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = "100|[1-9][0-9]?", message = "must be a whole number from 1 to 100")
    @Parameter(description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String size;

    PageRequest request() {
        return new PageRequest(Integer.parseInt(page), Integer.parseInt(size));
    }
}
