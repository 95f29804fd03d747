/** A JSON-quoted excerpt of a text for assertion messages (at most 80 characters). */
export function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
