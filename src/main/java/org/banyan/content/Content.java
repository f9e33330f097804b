package org.banyan.content;

import org.springframework.modulith.NamedInterface;

/** What one revision of a content item holds; its shape depends on the item's type. */
@NamedInterface("catalog")
public sealed interface Content permits LessonContent, CourseContent, ModuleContent {

  String title();

  String summary();

  String markdown();
}
