/**
 * PDF.js, loaded only when a PDF is previewed (a dynamic import of this module keeps it out of
 * every page's first load). Its worker is a file of its own that Vite copies and names (`?url`).
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Opens a PDF's bytes; no `eval` (the app's Content-Security-Policy forbids it). */
export const openPdf = (data: ArrayBuffer) =>
  pdfjs.getDocument({ data, isEvalSupported: false }).promise;

export type PdfDocument = Awaited<ReturnType<typeof openPdf>>;
