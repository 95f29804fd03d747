import { RE2JS } from 're2js';

/**
 * The line patterns `output_type` recognises, in RE2 syntax, matched by RE2 (linear time on any
 * output). docs/assertions.md lists them; keep the two in step.
 */
const SOURCES = {
  heading: '^ {0,3}#{1,6}[ \\t]+\\S',
  listItem: '^ {0,3}(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\S',
  twoListItems: '(?s)^ {0,3}(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\S.*\\n {0,3}(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\S',
  blockquote: '^ {0,3}>[ \\t]?\\S',
  table:
    '^[^\\n]*\\|[^\\n]*\\n[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?|:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)+\\|?)[ \\t]*$',
  inline: '\\[[^\\]\\n]+\\]\\([^)\\s]+\\)|\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__|`[^`\\n]+`',
  code: [
    '^[ \\t]*(?:',
    [
      '(?:async[ \\t]+)?def[ \\t]+[A-Za-z_]\\w*[ \\t]*\\(',
      'class[ \\t]+[A-Za-z_$][\\w$]*[ \\t]*(?:[:({<]|extends\\b|implements\\b)',
      '(?:export[ \\t]+)?(?:async[ \\t]+)?function\\b[ \\t]*\\*?[ \\t]*[\\w$]*[ \\t]*\\(',
      'func[ \\t]+(?:\\([^)\\n]*\\)[ \\t]*)?[A-Za-z_]\\w*[ \\t]*\\(',
      '(?:pub[ \\t]+)?fn[ \\t]+[A-Za-z_]\\w*[ \\t]*[<(]',
      'import[ \\t]+[\\w*{"\']',
      'from[ \\t]+[\\w.]+[ \\t]+import[ \\t]',
      '(?:export[ \\t]+)?(?:const|let|var)[ \\t]+[A-Za-z_$][\\w$]*[ \\t]*(?::[^=\\n]+)?=',
      '#include[ \\t]*[<"]',
      'package[ \\t]+[A-Za-z_][\\w.]*[ \\t]*;?[ \\t]*$',
      'SELECT[ \\t][^\\n]*[ \\t]FROM[ \\t]',
      'INSERT[ \\t]+INTO[ \\t]',
      'CREATE[ \\t]+TABLE[ \\t]',
      'DELETE[ \\t]+FROM[ \\t]',
      'UPDATE[ \\t]+\\w+[ \\t]+SET[ \\t]',
      '#!/',
      '<\\?php',
    ].join('|'),
    ')',
  ].join(''),
} as const;

export type MarkdownPattern = keyof typeof SOURCES;

const compiled = new Map<MarkdownPattern, RE2JS>();

/** Whether a line of `text` (multi-line mode: `^`/`$` at each line) matches the named pattern. */
export function matchesPattern(name: MarkdownPattern, text: string): boolean {
  let regex = compiled.get(name);
  if (regex === undefined) {
    regex = RE2JS.compile(SOURCES[name], RE2JS.MULTILINE);
    compiled.set(name, regex);
  }
  return regex.test(text);
}

/** The RE2 source of each pattern (for the docs and tests). */
export const OUTPUT_TYPE_PATTERNS: Readonly<Record<MarkdownPattern, string>> = SOURCES;
