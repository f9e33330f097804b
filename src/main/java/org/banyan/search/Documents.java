package org.banyan.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.banyan.content.Content;
import org.banyan.content.CourseContent;
import org.banyan.content.Languages;
import org.banyan.content.LessonContent;
import org.banyan.content.Markdown;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
import org.banyan.content.UnitType;

/** A published item as a Lucene document: which words go in which field, and the facets. */
final class Documents {

  /**
   * The title: stored for showing, indexed with positions (a phrase in the title adds to the score)
   * and offsets (its snippet is found from the index).
   */
  private static final FieldType TITLE_TEXT = new FieldType(TextField.TYPE_STORED);

  /**
   * The summary and body: stored for showing and highlighting, indexed with how often each word
   * occurs and nothing more. No phrase is looked for in them, and a hit's snippet is found in its
   * stored text ({@link WordOffsets}, the same snippets as offsets in the index gave). Positions
   * and offsets for every word of the body made a rebuild take a seventh longer (100,000 documents,
   * alternating in one JVM) and the index 35 % larger.
   */
  private static final FieldType STORED_TEXT = new FieldType(TextField.TYPE_STORED);

  /**
   * Text only matched and scored: no phrase is looked for in it and nothing shown from it (the
   * objectives), so neither positions nor the text itself are kept.
   */
  private static final FieldType SCORED_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

  /** Words only looked up ("did you mean"): which documents hold them, nothing more. */
  private static final FieldType WORDS = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    TITLE_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TITLE_TEXT.freeze();
    STORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    STORED_TEXT.freeze();
    SCORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    SCORED_TEXT.freeze();
    WORDS.setIndexOptions(IndexOptions.DOCS);
    WORDS.setOmitNorms(true);
    WORDS.freeze();
  }

  private final Markdown markdown;

  Documents(Markdown markdown) {
    this.markdown = markdown;
  }

  /** The plain text of each searchable part: title, summary, objectives, body. */
  record Text(String title, String summary, String objectives, String body) {
    String part(String name) {
      return switch (name) {
        case "title" -> title;
        case "summary" -> summary;
        case "objectives" -> objectives;
        default -> body;
      };
    }
  }

  Document document(PublishedItem item) {
    Content content = item.content();
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.ID, Long.toString(item.id()), Field.Store.YES));
    doc.add(new StoredField(IndexSchema.REVISION, item.revision()));
    doc.add(new StringField(IndexSchema.TYPE, item.type().key(), Field.Store.YES));
    doc.add(new StringField(IndexSchema.LANG, item.lang(), Field.Store.YES));
    doc.add(new StringField(IndexSchema.SLUG, item.slug(), Field.Store.YES));
    doc.add(new StoredField(IndexSchema.URL, item.url()));
    if (item.translationGroup() != null) {
      String group = IndexSchema.group(item.type().key(), item.translationGroup());
      doc.add(new SortedDocValuesField(IndexSchema.GROUP, new BytesRef(group)));
    }
    long published = item.publishedAt() == null ? 0 : item.publishedAt().toInstant().toEpochMilli();
    doc.add(new NumericDocValuesField(IndexSchema.PUBLISHED, published));
    doc.add(new StoredField(IndexSchema.PUBLISHED, published));

    doc.add(new SortedSetDocValuesFacetField(IndexSchema.F_TYPE, item.type().key()));
    doc.add(new SortedSetDocValuesFacetField(IndexSchema.F_LANG, item.lang()));

    Text text = text(content);
    // "Did you mean" draws on the words of titles, summaries and objectives: the words a teacher
    // searches with. The body would double the indexing work for little more.
    List<String> spelling = new ArrayList<>();
    boolean chinese = Languages.CHINESE.equals(item.lang());
    String analysis = chinese ? IndexSchema.CJK : IndexSchema.EN;
    for (String part : IndexSchema.PARTS) {
      String value = Objects.requireNonNullElse(text.part(part), "");
      // The title and summary are stored for showing, even when blank.
      boolean shown = part.equals(IndexSchema.TITLE) || part.equals(IndexSchema.SUMMARY);
      if (!shown && value.isBlank()) {
        continue;
      }
      doc.add(new Analyzed(part, value, typeOf(part), part + analysis));
      if (chinese && IndexSchema.SEGMENTED.contains(part) && !value.isBlank()) {
        doc.add(new TextField(IndexSchema.field(part, IndexSchema.ZH), value, Field.Store.NO));
      }
      if (!chinese && !part.equals("body") && !value.isBlank()) {
        spelling.add(value);
      }
    }

    List<String> competencies = List.of();
    List<String> topics = List.of();
    List<Integer> grades = List.of();
    Integer duration = null;
    if (content instanceof LessonContent lesson) {
      competencies = lesson.competencies();
      topics = lesson.topics();
      grades = lesson.grades();
      duration = lesson.durationMinutes();
    } else if (content instanceof CourseContent course) {
      grades = course.grades();
    } else if (content instanceof ModuleContent module) {
      duration = module.estimatedMinutes();
    }
    for (String id : competencies) {
      doc.add(new SortedSetDocValuesFacetField(IndexSchema.F_COMPETENCY, id));
      doc.add(new StoredField(IndexSchema.COMPETENCIES, id));
    }
    for (String id : topics) {
      doc.add(new SortedSetDocValuesFacetField(IndexSchema.F_TOPIC, id));
      doc.add(new StoredField(IndexSchema.TOPICS, id));
    }
    for (Integer grade : grades) {
      doc.add(new SortedSetDocValuesFacetField(IndexSchema.F_GRADE, Integer.toString(grade)));
      doc.add(new StoredField(IndexSchema.GRADES, grade));
    }
    if (duration != null) {
      doc.add(
          new SortedSetDocValuesFacetField(
              IndexSchema.F_DURATION, IndexSchema.durationBand(duration)));
      doc.add(new StoredField(IndexSchema.DURATION, duration));
    }
    if (!spelling.isEmpty()) {
      doc.add(new Field(IndexSchema.SPELL, String.join("\n", spelling), WORDS));
    }
    return doc;
  }

  /**
   * Text indexed under its part's name ({@code body}) with its language's analysis ({@code
   * body_en}, {@code body_cjk}): the writer asks the field for its tokens, and the field asks the
   * analyzer by the analysis' name.
   */
  private static final class Analyzed extends Field {
    private final String analysis;

    Analyzed(String part, String value, FieldType type, String analysis) {
      super(part, value, type);
      this.analysis = analysis;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      return analyzer.tokenStream(analysis, stringValue());
    }
  }

  private static FieldType typeOf(String part) {
    return switch (part) {
      case "title" -> TITLE_TEXT;
      case "objectives" -> SCORED_TEXT;
      default -> STORED_TEXT;
    };
  }

  Text text(Content content) {
    String objectives = "";
    StringBuilder body = new StringBuilder(markdown.toText(content.markdown()));
    if (content instanceof LessonContent lesson) {
      objectives = String.join("\n", lesson.objectives());
      if (!lesson.materials().isEmpty()) {
        body.append('\n').append(String.join("\n", lesson.materials()));
      }
    } else if (content instanceof ModuleContent module) {
      for (ModuleContent.Unit unit : module.units()) {
        body.append('\n').append(unit.title());
        if (unit.markdown() != null) {
          body.append('\n').append(markdown.toText(unit.markdown()));
        }
        if (unit.type() == UnitType.REFLECTION) {
          String prompt = ((ModuleContent.Reflection) unit).prompt();
          if (prompt != null) {
            body.append('\n').append(prompt);
          }
        }
      }
    }
    return new Text(
        content.title(),
        content.summary() == null ? "" : content.summary(),
        objectives,
        body.toString());
  }
}
