package org.banyan.training;

/** A training module by slug and language, with its title. */
public record ModuleLink(String slug, String lang, String title) {}
