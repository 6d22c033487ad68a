// Reads the quiz's questions and outcomes from content/quiz.toml, so the flows answer by
// option id and recognise results by outcome id while the wording stays free to change.
// A line reader for the file's regular shape (tables of `key = "string"` lines), not a TOML
// parser: it fails loudly if the shape changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness.mjs';

function parse(text) {
  const questions = [];
  const outcomes = [];
  let current = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '[[question]]') { current = { options: [], items: [] }; questions.push(current); continue; }
    if (line === '[[question.item]]') { current = {}; questions.at(-1).items.push(current); continue; }
    if (line === '[[question.option]]') { current = {}; questions.at(-1).options.push(current); continue; }
    if (line === '[[outcome]]') { current = {}; outcomes.push(current); continue; }
    if (/^\[/.test(line)) { current = null; continue; }
    const match = /^(id|label|prompt|title|kind)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line);
    if (current && match) current[match[1]] = JSON.parse(`"${match[2]}"`);
  }
  return { questions, outcomes };
}

export const QUIZ = parse(readFileSync(join(ROOT, 'content', 'quiz.toml'), 'utf8'));
if (QUIZ.questions.length < 5 || QUIZ.outcomes.length < 5 || QUIZ.questions.some((q) => !q.id || q.options.some((o) => !o.id || !o.label) || q.items.some((i) => !i.id || !i.label))) {
  throw new Error('tests/engines/content.mjs: content/quiz.toml has an unexpected shape');
}

/** The label a reader sees for option `optionId` of question `questionId`. */
export function optionLabel(questionId, optionId) {
  const question = QUIZ.questions.find((q) => q.id === questionId);
  const option = question && question.options.find((o) => o.id === optionId);
  if (!option) throw new Error(`content/quiz.toml has no option ${questionId}/${optionId}`);
  return option.label;
}

/** The outcome whose title a heading shows (with `{emergency}` filled in), or null. */
export function outcomeOf(heading, emergencyNumber = '911') {
  const norm = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const found = QUIZ.outcomes.find((o) => norm(heading) === norm(o.title.replaceAll('{emergency}', emergencyNumber)));
  return found ? found.id : null;
}

/** The start of an item's label as a reader sees it: the text before any `{placeholder}`. */
export function itemLabelStart(item) {
  return item.label.split('{')[0];
}

/**
 * The question a screen asks, recognised by its choices: the question most of whose option
 * labels are on screen (at least two), or null (intro, review and result screens).
 */
export function questionOf(choiceNames, groups = []) {
  let best = null;
  let bestCount = 1;
  for (const question of QUIZ.questions) {
    const count = question.items.length
      ? question.items.filter((i) => groups.some((g) => g.startsWith(itemLabelStart(i)))).length
      : question.options.filter((o) => choiceNames.some((n) => n.startsWith(o.label.split('{')[0]))).length;
    if (count > bestCount) { best = question; bestCount = count; }
  }
  return best;
}
