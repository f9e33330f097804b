package org.banyan.content;

/** What one revision of a content item holds; its shape depends on the item's type. */
public sealed interface Content permits LessonContent, CourseContent, ModuleContent {

  String title();

  String summary();

  String markdown();
}
