import { BackendError } from '../app/errors.js';

/** What identifies a test (or a suite) for comparing two of its runs. */
export interface ComparedSubject {
  readonly id: string | null;
  readonly name: string;
}

function label(subject: ComparedSubject): string {
  return subject.id === null ? `"${subject.name}" (no library id)` : `${subject.id}`;
}

/**
 * Two runs are of the same test when both have a library id and it is the same, or when neither
 * has one and their names are equal. (A library run and an inline or imported one are not the
 * same test, even with equal names: the library test may have changed under that name.)
 * @throws BackendError `COMPARE_MISMATCH` naming both.
 */
export function assertSameSubject(kind: 'test' | 'suite', base: ComparedSubject, head: ComparedSubject): void {
  const same = base.id !== null || head.id !== null ? base.id === head.id : base.name === head.name;
  if (same) return;
  throw new BackendError('COMPARE_MISMATCH', {
    message: `Only runs of the same ${kind} can be compared: base is of ${kind} ${label(base)}, head of ${kind} ${label(head)}`,
    details: { base: base.id ?? base.name, head: head.id ?? head.name },
  });
}
