/**
 * What the Temporal Web UI shows for a project's run: its name as the summary (the run's page)
 * and as the `ProjectName` search attribute (a column of the workflow list, next to the stage
 * and risk the workflow keeps current: docs/cluster.md, "A saved view for operators").
 */
import { PROJECT_NAME } from './search-attributes';

/**
 * The server refuses a start whose summary payload is over 400 bytes (the frontend's
 * `limit.userMetadataSummarySize`; the payload is the JSON string with its encoding): a name of
 * 200 Chinese characters is 600 bytes. The summary keeps what fits, with an ellipsis; the search
 * attribute and the read model keep the whole name.
 */
export const SUMMARY_MAX_BYTES = 300;

export function summaryOf(name: string, maxBytes = SUMMARY_MAX_BYTES): string {
  const utf8 = new TextEncoder();
  if (utf8.encode(name).length <= maxBytes) return name;
  let out = '';
  let bytes = utf8.encode('…').length;
  for (const ch of name) {
    bytes += utf8.encode(ch).length;
    if (bytes > maxBytes) break;
    out += ch;
  }
  return `${out}…`;
}

/** The start options that name the run: spread into the project workflow's start. */
export const runSummary = (input: { name: string; type: string; ownerOrganisation: string }) => ({
  staticSummary: summaryOf(input.name),
  staticDetails: `${input.name}\n\n${input.type} · ${input.ownerOrganisation}`,
  typedSearchAttributes: [{ key: PROJECT_NAME, value: input.name }],
});
