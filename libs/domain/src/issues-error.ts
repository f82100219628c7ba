/**
 * Input that cannot be used (a catalog, policies, answers): every problem found is listed, each
 * naming where it is, so it is put right in one pass and an API answers all of them in one 400.
 */
export abstract class IssuesError<I extends { readonly message: string }> extends Error {
  constructor(
    what: string,
    readonly issues: readonly I[],
    where: (issue: I) => string,
  ) {
    super(`Invalid ${what}: ${issues.map((i) => `${where(i)}: ${i.message}`).join('; ')}`);
  }
}
