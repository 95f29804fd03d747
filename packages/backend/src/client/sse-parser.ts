/** One Server-Sent Event: its `event:` name (default `message`), its `data:` lines joined, its `id:`. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | undefined;
}

/**
 * An incremental parser of a `text/event-stream` body (the WHATWG rules this backend's streams use:
 * LF, CRLF or CR line ends, `:` comments, several `data:` lines joined by LF, a leading BOM).
 * `feed` takes decoded text as it arrives and returns the events completed by it.
 */
export class SseParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #id: string | undefined;
  #started = false;

  feed(text: string): ServerSentEvent[] {
    this.#buffer += text;
    if (!this.#started && this.#buffer.length > 0) {
      this.#started = true;
      if (this.#buffer.startsWith('\uFEFF')) this.#buffer = this.#buffer.slice(1);
    }
    const events: ServerSentEvent[] = [];
    for (let end = this.#lineEnd(); end !== -1; end = this.#lineEnd()) {
      const line = this.#buffer.slice(0, end);
      const crlf = this.#buffer[end] === '\r' && this.#buffer[end + 1] === '\n';
      this.#buffer = this.#buffer.slice(end + (crlf ? 2 : 1));
      const event = this.#line(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  /** Index of the first complete line's end; a CR at the very end waits for a possible LF. */
  #lineEnd(): number {
    const match = /\r\n|\r|\n/.exec(this.#buffer);
    if (match === null) return -1;
    if (match[0] === '\r' && match.index === this.#buffer.length - 1) return -1;
    return match.index;
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const hadData = this.#data.length > 0;
    const event = { event: this.#event === '' ? 'message' : this.#event, data: this.#data.join('\n'), id: this.#id };
    this.#event = '';
    this.#data = [];
    return hadData ? event : undefined;
  }
}
