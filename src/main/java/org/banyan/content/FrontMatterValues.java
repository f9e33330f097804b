package org.banyan.content;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.banyan.content.ContentFiles.BadField;

/**
 * Values of a content file's front matter, each read as the type its field needs, or refused as a
 * {@link BadField} naming the field and saying in plain words what it must be.
 */
final class FrontMatterValues {

  private FrontMatterValues() {}

  /** The field {@code c} read from the front matter by its type; only the title is required. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object value(Map<String, Object> f, RecordComponent c) {
    String key = c.getName();
    Class<?> type = c.getType();
    if (type == String.class) {
      return string(f, key, key.equals("title"));
    } else if (type == int.class) {
      return integer(f, key, true);
    } else if (type == Integer.class) {
      return integer(f, key, false);
    } else if (type == LocalDate.class) {
      return date(f, key);
    } else if (type.isEnum() && Coded.class.isAssignableFrom(type)) {
      return choice(f, key, (Class) type);
    } else if (type == List.class
        && c.getGenericType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] instanceof Class<?> element) {
      if (element == String.class) {
        return strings(f, key);
      } else if (element == Integer.class) {
        return integers(f, key);
      }
    }
    throw new IllegalStateException("The content/ format cannot read the field " + key);
  }

  static <E extends Enum<E> & Coded> E choice(Map<String, Object> f, String key, Class<E> kind) {
    String code = string(f, key, false);
    for (E constant : kind.getEnumConstants()) {
      if (constant.code().equals(code)) {
        return constant;
      }
    }
    if (code == null) {
      return null;
    }
    throw new BadField(key, "'" + key + "' must be one of: " + Coded.codes(kind));
  }

  static String string(Map<String, Object> f, String key, boolean required) {
    Object value = f.get(key);
    if (value == null) {
      if (required) {
        throw new BadField(key, "'" + key + "' is missing");
      }
      return null;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new BadField(key, "'" + key + "' must be a single value");
    }
    return String.valueOf(value);
  }

  static Integer integer(Map<String, Object> f, String key, boolean required) {
    Object value = f.get(key);
    if (value == null) {
      if (required) {
        throw new BadField(key, "'" + key + "' is missing");
      }
      return null;
    }
    if (value instanceof Integer number) {
      return number;
    }
    throw new BadField(key, "'" + key + "' must be a whole number");
  }

  static LocalDate date(Map<String, Object> f, String key) {
    Object value = f.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      throw new BadField(key, "'" + key + "' must be a date like 2027-09-01");
    }
  }

  static List<?> list(Map<String, Object> f, String key) {
    Object value = f.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw new BadField(key, "'" + key + "' must be a list");
  }

  static List<String> strings(Map<String, Object> f, String key) {
    List<String> values = new ArrayList<>();
    for (Object value : list(f, key)) {
      if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
        throw new BadField(key, "'" + key + "' must be a list of words or sentences");
      }
      values.add(String.valueOf(value));
    }
    return values;
  }

  static List<Integer> integers(Map<String, Object> f, String key) {
    List<Integer> values = new ArrayList<>();
    for (Object value : list(f, key)) {
      if (!(value instanceof Integer number)) {
        throw new BadField(key, "'" + key + "' must be a list of whole numbers");
      }
      values.add(number);
    }
    return values;
  }
}
