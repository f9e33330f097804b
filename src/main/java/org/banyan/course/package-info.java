/**
 * Classes that follow a course lesson by lesson, the delivery log, and how far schools have got.
 */
package org.banyan.course;
