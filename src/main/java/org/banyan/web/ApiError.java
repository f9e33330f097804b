package org.banyan.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The error body of every API answer that is not a success.
 *
 * @param status the HTTP status code
 * @param error the status's reason phrase
 * @param message what went wrong, for a person to read
 * @param fields for bad input, each field that was refused and why; otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, List<FieldProblem> fields) {}
