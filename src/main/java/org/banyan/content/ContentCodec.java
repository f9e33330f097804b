package org.banyan.content;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A revision's fields as stored: JSON, with a SHA-256 checksum to tell unchanged content. */
@Component
class ContentCodec {

  private final JsonMapper json;

  ContentCodec(JsonMapper json) {
    this.json = json;
  }

  String write(Content content) {
    return json.writeValueAsString(content);
  }

  Content read(ContentType type, String fields) {
    return switch (type) {
      case LESSON -> json.readValue(fields, LessonContent.class);
      case COURSE -> json.readValue(fields, CourseContent.class);
      case MODULE -> json.readValue(fields, ModuleContent.class);
    };
  }

  static String checksum(String fields) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      return java.util.HexFormat.of()
          .formatHex(digest.digest(fields.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Class<? extends Content> classOf(ContentType type) {
    return switch (type) {
      case LESSON -> LessonContent.class;
      case COURSE -> CourseContent.class;
      case MODULE -> ModuleContent.class;
    };
  }
}
