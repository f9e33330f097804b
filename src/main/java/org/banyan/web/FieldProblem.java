package org.banyan.web;

/**
 * One refused field of a request.
 *
 * @param field the field's name as the request spelled it
 * @param reason why it was refused, for a person to read
 */
public record FieldProblem(String field, String reason) {}
