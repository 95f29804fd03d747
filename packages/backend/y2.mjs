import { parseDocument, Parser, Lexer } from 'yaml';
for (const n of [50000, 100000, 200000]) {
const flow = '[' + '1,'.repeat(n) + ']';
let t0 = performance.now(); for (const _ of new Lexer().lex(flow)) {} const tl = performance.now()-t0;
t0 = performance.now(); for (const _ of new Parser().parse(flow)) {} const tp = performance.now()-t0;
t0 = performance.now(); const d = parseDocument(flow, {prettyErrors:false}); const tc = performance.now()-t0;
t0 = performance.now(); d.toJS(); const tj = performance.now()-t0;
console.log(n, 'lex', Math.round(tl), 'parse', Math.round(tp), 'compose', Math.round(tc), 'toJS', Math.round(tj));
}
