import { parseDocument } from 'yaml';
const n = Number(process.argv[2]); const kind = process.argv[3] ?? '[';
const t = kind === 'map' ? Array.from({length:n}, (_, i) => ' '.repeat(i) + 'a:').join('\n') : kind === 'seq' ? Array.from({length:n}, (_, i) => ' '.repeat(i*2) + '- ').join('\n') + 'x' : kind.repeat(n);
const t0 = performance.now();
try { const doc = parseDocument(t, { prettyErrors: process.argv[4] !== 'np' }); console.log(n, kind, doc.errors.length, doc.errors[0]?.code, doc.errors[0]?.message.slice(0,100)); const js = doc.toJS(); console.log('ok'); }
catch (e) { console.log('throw', e.constructor.name, e.message.slice(0, 100)); }
console.log('ms', Math.round(performance.now()-t0));
