package org.banyan.web;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which theme the pages use ({@code BANYAN_THEME}) and where the editable theme folders live.
 *
 * @param theme the selected theme's name
 * @param themesDir the folder holding one sub-folder per theme; the copy packed into the jar is
 *     used when it does not exist
 */
@ConfigurationProperties("banyan")
public record ThemeSettings(
    @DefaultValue("default") String theme, @DefaultValue("./themes") Path themesDir) {}
