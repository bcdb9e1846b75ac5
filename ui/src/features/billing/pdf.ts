/**
 * Renders PDF pages into canvases with pdf.js, loaded only when a PDF is opened. The worker is a
 * file of the app (CSP allows 'self' only) and eval is off (CSP forbids it).
 */
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

export async function renderPdf(bytes: Uint8Array, into: HTMLElement, width: number): Promise<number> {
  const pdfjs = await import("pdfjs-dist");
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  into.replaceChildren();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (width / base.width) * (window.devicePixelRatio || 1) });
    const canvas = document.createElement("canvas");
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    canvas.style.width = `${width}px`;
    canvas.style.display = "block";
    canvas.style.margin = "0 auto 8px";
    canvas.style.boxShadow = "0 1px 4px rgba(0, 0, 0, 0.25)";
    canvas.dataset.page = String(n);
    into.appendChild(canvas);
    await page.render({ canvas, viewport }).promise;
  }
  return doc.numPages;
}
