package org.banyan.search;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's codec, with stored fields in small chunks and not compressed. Every search reads the
 * stored fields of its page of hits, and reading one document decompresses the chunk it sits in up
 * to it: Lucene's default packs about 80 KB to a chunk, so each hit cost some 8 KB of decompression
 * for its 2 KB; chunks of about 4 KB fixed that. Compressing each 4 KB chunk with LZ4 then took a
 * tenth of a rebuild's work (0.87-0.91x the CPU without it, indexing the benchmark's 100,000
 * documents into two writers side by side, 1,000 at a time alternately) for stored fields a fifth
 * smaller (129 against 162 MB for those documents): at 4 KB, LZ4 starts afresh each time and finds
 * little to share. Stored as they are, a hit's fields are a plain read. Found by its name when an
 * index is opened (META-INF/services).
 */
public final class SearchCodec extends FilterCodec {

  static final String NAME = "Banyan912";

  /** Bytes kept as they are: "compressing" copies them, "decompressing" reads the part asked. */
  static final CompressionMode STORED_AS_IS =
      new CompressionMode() {
        @Override
        public Compressor newCompressor() {
          return new Compressor() {
            @Override
            public void compress(ByteBuffersDataInput buffers, DataOutput out) throws IOException {
              out.copyBytes(buffers, buffers.length());
            }

            @Override
            public void close() {}
          };
        }

        @Override
        public Decompressor newDecompressor() {
          return new Decompressor() {
            @Override
            public void decompress(
                DataInput in, int originalLength, int offset, int length, BytesRef bytes)
                throws IOException {
              in.skipBytes(offset);
              bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
              in.readBytes(bytes.bytes, 0, length);
              bytes.offset = 0;
              bytes.length = length;
            }

            @Override
            public Decompressor clone() {
              return this;
            }
          };
        }

        @Override
        public String toString() {
          return "STORED_AS_IS";
        }
      };

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "BanyanStoredAsIs", STORED_AS_IS, 4 * 1024, 128, 10);

  public SearchCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
