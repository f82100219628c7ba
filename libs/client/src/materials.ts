/**
 * Handing in a stage's materials through the API, as the applicant's page does: for every item
 * of the stage still to be submitted, a file for each material the applicant must hand in and
 * has not (results of earlier items and 容缺 materials are left out). For the demo seed, the
 * benchmarks, the fault tests and the e2e tests, which all submit stages.
 */
import { createHash } from 'node:crypto';
import { ApiError, type ApiClient } from './api-client';

/** A short key per project, item and material (Idempotency-Keys are at most 100 characters). */
const handInKey = (prefix: string, ...parts: string[]) =>
  `${prefix.slice(0, 40)}-${createHash('sha256').update(parts.join('/')).digest('hex').slice(0, 40)}`;

/** A one-page PDF, small and valid (what `%PDF-` files are recognised by). */
export function samplePdf(text = 'sample'): Uint8Array<ArrayBuffer> {
  const body = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >> endobj
4 0 obj << /Length ${text.length + 30} >> stream
BT /F1 12 Tf 20 50 Td (${text.replace(/[()\\]/g, '')}) Tj ET
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
`;
  return new TextEncoder().encode(body);
}

interface MaterialsView {
  items: {
    code: string;
    stage: string;
    status: string;
    materials: {
      code: string;
      required: boolean;
      status: string;
      producedBy: string | null;
      deficiencyAllowed: boolean;
    }[];
  }[];
}

/** The materials still to hand in before a stage can be submitted: `[itemCode, materialCode]`. */
export async function missingMaterials(
  api: ApiClient,
  token: string,
  projectId: string,
  stage: string,
  opts: { withDeficiencyAllowed?: boolean; items?: string[] } = {},
): Promise<[string, string][]> {
  const view = await api.get<MaterialsView>(`/api/projects/${projectId}/materials`, token);
  return view.items
    .filter((i) => i.stage === stage && i.status === 'PENDING')
    .filter((i) => !opts.items || opts.items.includes(i.code))
    .flatMap((i) =>
      i.materials
        .filter(
          (m) =>
            m.required &&
            !m.producedBy &&
            (m.status === 'MISSING' || m.status === 'NEEDS_CORRECTION') &&
            (opts.withDeficiencyAllowed !== false || !m.deficiencyAllowed),
        )
        .map((m): [string, string] => [i.code, m.code]),
    );
}

/**
 * Uploads a sample PDF for each material of the stage still to hand in (容缺 ones too, unless
 * `withDeficiencyAllowed` is false), each under its own Idempotency-Key; answers how many.
 */
export async function handInStage(
  api: ApiClient,
  token: string,
  projectId: string,
  stage: string,
  opts: { withDeficiencyAllowed?: boolean; keyPrefix?: string; items?: string[] } = {},
): Promise<number> {
  const missing = await missingMaterials(api, token, projectId, stage, opts);
  for (const [item, material] of missing) {
    const path = `/api/projects/${projectId}/items/${item}/materials/${material}/files`;
    const a = await api.upload(
      path,
      { name: `${material}.pdf`, bytes: samplePdf(`${item} ${material}`), type: 'application/pdf' },
      {
        token,
        key: handInKey(opts.keyPrefix ?? 'hand-in', projectId, item, material),
      },
    );
    if (a.status !== 201 && a.status !== 200)
      throw new ApiError('POST', path, a.status, a.body, a.requestId);
  }
  return missing.length;
}
