/**
 * Characters XML 1.0 cannot hold at all (C0 controls other than tab, newline and carriage return,
 * lone surrogates, U+FFFE and U+FFFF): a model's output may contain them, and one of them makes the
 * whole report unreadable to every JUnit consumer.
 */
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** The text with every character XML cannot hold replaced by U+FFFD (the replacement character). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/**
 * Text made safe for XML content and attribute values: markup characters escaped, characters XML
 * cannot hold replaced. In attributes, newlines and tabs are written as character references so a
 * parser keeps them (it would normalise them to spaces otherwise).
 */
export function escapeXml(text: string, context: 'content' | 'attribute' = 'content'): string {
  const escaped = xmlSafe(text).replace(/[<>&"']/g, (character) => ENTITIES[character] ?? character);
  if (context === 'content') return escaped;
  return escaped.replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
