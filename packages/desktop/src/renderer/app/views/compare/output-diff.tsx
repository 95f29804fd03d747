import type { DiffLine } from '@sentinel/backend/contract';

const MARK = { same: ' ', added: '+', removed: '−' } as const;

/** The line diff of two outputs: removed lines (base only) and added lines (head only) marked. */
export function OutputDiff({ lines, truncated }: { lines: readonly DiffLine[]; truncated: boolean }) {
  if (lines.length === 0) return <p class="muted">Both outputs are empty.</p>;
  const changed = lines.some((line) => line.op !== 'same');
  return (
    <div class="output-diff" aria-label="Output diff">
      {truncated && (
        <p class="notice warn" id="diff-truncated">
          The outputs are too long to compare whole: this diff covers their beginnings only.
        </p>
      )}
      {!changed && <p class="muted">{truncated ? 'Their beginnings are identical.' : 'The outputs are identical.'}</p>}
      <pre>
        {lines.map((line, index) => (
          <div key={index} class={`diff-line ${line.op}`}>
            <span class="diff-mark" aria-hidden="true">
              {MARK[line.op]}
            </span>
            <span class="sr-only">{line.op === 'same' ? '' : `${line.op}: `}</span>
            {line.text}
          </div>
        ))}
      </pre>
    </div>
  );
}
