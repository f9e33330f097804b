package org.banyan.training;

import java.util.List;
import java.util.Map;

/**
 * What a teacher sends to complete a unit.
 *
 * @param answers for a quiz: the chosen 0-based choice indexes by question id; otherwise null
 * @param text for a reflection: the teacher's answer; otherwise null
 */
public record UnitAnswer(Map<String, List<Integer>> answers, String text) {}
