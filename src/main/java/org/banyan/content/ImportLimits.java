package org.banyan.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much an uploaded zip may hold ({@code banyan.import.*}). Each file in it may be at most as
 * large as a media upload ({@code banyan.storage.max-file-size}).
 *
 * @param maxEntries how many entries, folders included ({@code BANYAN_IMPORT_MAX_ENTRIES})
 * @param maxSize all entries together, as inflated ({@code BANYAN_IMPORT_MAX_SIZE})
 */
@ConfigurationProperties("banyan.import")
record ImportLimits(
    @DefaultValue("5000") int maxEntries, @DefaultValue("500MB") DataSize maxSize) {}
