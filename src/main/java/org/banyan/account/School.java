package org.banyan.account;

/** A school, with the county and province it belongs to. */
public record School(long id, String name, String county, String province) {}
