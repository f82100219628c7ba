/** A dependency outage seen by any request (503 or no answer): the banner shows it until a request succeeds. */
type Listener = (down: boolean) => void;
const listeners = new Set<Listener>();
let down = false;

function set(v: boolean) {
  if (v === down) return;
  down = v;
  for (const l of listeners) l(v);
}

export const outage = {
  report: () => set(true),
  clear: () => set(false),
  isDown: () => down,
  subscribe: (l: Listener): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
