import { describe, expect, it } from 'vitest';
import { BufferedResponse } from '../../src/providers/buffered-response.js';
import { FetchHeaders } from '../../src/providers/fetch-headers.js';
import { LazyFormData } from '../../src/providers/lazy-form-data.js';

const response = (body: Buffer | null, status = 200): BufferedResponse =>
  new BufferedResponse({ status, statusText: 'OK', headers: new FetchHeaders({ 'content-type': 'application/json' }), url: 'http://127.0.0.1/x', redirected: false, body });

describe('FetchHeaders, as Node 20 Headers answers', () => {
  it('matches the built-in Headers on names, values, repeats, order and set-cookie', () => {
    const init: [string, string][] = [['X-B', ' two '], ['x-a', '1'], ['Set-Cookie', 'a=1'], ['set-cookie', 'b=2'], ['X-A', '2']];
    const ours = new FetchHeaders(init);
    const node = new Headers(init);
    expect([...ours]).toEqual([...(node as unknown as Iterable<[string, string]>)]);
    expect(ours.get('x-a')).toBe(node.get('x-a'));
    expect(ours.getSetCookie()).toEqual(node.getSetCookie());
    expect(ours.get('missing')).toBeNull();
    expect(new FetchHeaders(ours).get('X-B')).toBe('two');
    expect(new FetchHeaders({ Accept: '*/*' }).has('accept')).toBe(true);
  });

  it('refuses what the standard refuses', () => {
    expect(() => new FetchHeaders([['bad name', 'x']])).toThrow(TypeError);
    expect(() => new FetchHeaders().set('x', 'a\nb')).toThrow(TypeError);
    expect(() => new FetchHeaders([['only-a-name'] as unknown as [string, string]])).toThrow(TypeError);
  });
});

describe('BufferedResponse', () => {
  it('reads its body once, as text, JSON or bytes, and a second read rejects', async () => {
    const first = response(Buffer.from('\uFEFF{"a":1}'));
    expect(first.ok).toBe(true);
    expect(await first.json()).toEqual({ a: 1 });
    expect(first.bodyUsed).toBe(true);
    await expect(first.text()).rejects.toThrow(TypeError);
    expect(Buffer.from(await response(Buffer.from('xy')).bytes()).toString()).toBe('xy');
  });

  it('makes its body stream without using it up, and a clone reads on its own', async () => {
    const answer = response(Buffer.from('hello'));
    expect(answer.body?.locked).toBe(false);
    expect(answer.bodyUsed).toBe(false);
    expect(await answer.clone().text()).toBe('hello');
    expect(await new Response(answer.body).text()).toBe('hello');
    expect(answer.bodyUsed).toBe(true);
    expect(() => answer.clone()).toThrow(TypeError);
    expect(response(null, 204).body).toBeNull();
    expect(response(null, 503).ok).toBe(false);
  });
});

describe('LazyFormData', () => {
  it('makes Node FormData, and says no to a plain body without loading it', () => {
    expect({ a: 1 } instanceof LazyFormData).toBe(false);
    const form = new LazyFormData();
    form.append('k', 'v');
    expect(form instanceof LazyFormData).toBe(true);
    expect(form instanceof FormData).toBe(true);
    expect(() => (LazyFormData as unknown as () => unknown)()).toThrow(TypeError);
  });
});
