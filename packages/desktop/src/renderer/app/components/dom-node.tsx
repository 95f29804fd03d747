import { useEffect, useRef } from 'preact/hooks';

/** Show a node built by the DOM helpers (banner, logs) inside a Preact tree. */
export function DomNode({ node }: { node: Node }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    host.current?.replaceChildren(node);
  }, [node]);
  return <div class="dom-node" ref={host} />;
}
