/**
 * Uploaded files: their bytes in a blob store (a folder or an S3 server), their metadata in SQL.
 */
package org.banyan.media;
