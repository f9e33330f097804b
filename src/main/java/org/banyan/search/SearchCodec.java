package org.banyan.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene's codec, with stored fields in small chunks. Every search reads the stored fields of its
 * page of hits, and reading one document decompresses the chunk it sits in up to it: Lucene's
 * default packs about 80 KB to a chunk, so each hit cost some 8 KB of decompression for its 2 KB.
 * Chunks of about 4 KB cost a larger index (LZ4 finds less to share in a small chunk). Found by its
 * name when an index is opened (META-INF/services).
 */
public final class SearchCodec extends FilterCodec {

  static final String NAME = "Banyan912";

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "BanyanStoredFields", CompressionMode.FAST, 4 * 1024, 128, 10);

  public SearchCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
