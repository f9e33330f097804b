/**
 * Uploaded files: their bytes in a blob store (a folder or an S3 server), their metadata in SQL.
 */
@ApplicationModule(
    displayName = "Media",
    allowedDependencies = {"problem", "web"})
package org.banyan.media;

import org.springframework.modulith.ApplicationModule;
