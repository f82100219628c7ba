/** The baseline's one activity: returns its argument. */
export async function noop(n: number): Promise<number> {
  return n;
}
