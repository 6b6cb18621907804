// Splits text into the words a text field's analyzer would index, so that a full-text match
// can be lowered to one `contains` per word.

// LIMITATION: words are runs of letters, digits and `_` (with `.` and `'` inside a run); the
// Unicode segmentation rules of Elasticsearch's standard analyzer are not reproduced in full.
export function analyzedWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const char of text) {
    if (/[\p{L}\p{N}_.']/u.test(char)) {
      word += char;
      continue;
    }
    pushTrimmed(words, word);
    word = '';
  }
  pushTrimmed(words, word);
  return words;
}

/** `.` and `'` only join characters inside a word: `svchost.exe` is one word, `end.` is `end`. */
function pushTrimmed(words: string[], word: string): void {
  let start = 0;
  let end = word.length;
  while (start < end && (word[start] === '.' || word[start] === "'")) start++;
  while (end > start && (word[end - 1] === '.' || word[end - 1] === "'")) end--;
  if (end > start) words.push(word.slice(start, end));
}
