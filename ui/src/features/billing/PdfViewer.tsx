import { Alert, Button, Group, Loader, Modal, ScrollArea, Text } from "@mantine/core";
import { IconAlertTriangle, IconDownload } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import type { Invoice } from "../../api/bindings";
import { fetchInvoicePdf, saveInvoicePdf } from "../../api/billing";
import { errorMessage } from "../../api/errors";
import { money } from "./money";

const PAGE_WIDTH = 720;

/** An invoice's PDF shown inside the app, with "Save…" next to it. */
export function PdfViewer({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  const pages = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ loading: boolean; error: string | null; count: number }>({ loading: false, error: null, count: 0 });

  useEffect(() => {
    if (!invoice) return;
    let cancelled = false;
    setState({ loading: true, error: null, count: 0 });
    (async () => {
      try {
        const bytes = await fetchInvoicePdf(invoice.account_id, invoice.id);
        const { renderPdf } = await import("./pdf");
        // The modal's body mounts with the modal: wait for it.
        while (!pages.current && !cancelled) await new Promise((r) => setTimeout(r, 20));
        if (cancelled || !pages.current) return;
        const count = await renderPdf(bytes, pages.current, PAGE_WIDTH);
        if (!cancelled) setState({ loading: false, error: null, count });
      } catch (e) {
        if (!cancelled) setState({ loading: false, error: errorMessage(e), count: 0 });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [invoice]);

  return (
    <Modal
      opened={!!invoice}
      onClose={onClose}
      size={PAGE_WIDTH + 64}
      title={invoice ? `Invoice ${invoice.number} · ${invoice.account} · ${money(invoice.amount, invoice.currency)}` : ""}
      data-testid="invoice-viewer"
    >
      {invoice && (
        <Group justify="flex-end" mb="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            onClick={() => saveInvoicePdf(invoice.account_id, invoice.id, `invoice-${invoice.number}.pdf`)}
            data-testid="invoice-viewer-save"
          >
            Save PDF…
          </Button>
        </Group>
      )}
      {state.loading && (
        <Group gap="xs" mb="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Downloading the PDF…
          </Text>
        </Group>
      )}
      {state.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="invoice-viewer-error">
          {state.error}
        </Alert>
      )}
      <ScrollArea.Autosize mah="70vh">
        <div ref={pages} className="pdf-pages" data-testid="invoice-viewer-pages" data-pages={state.count || undefined} />
      </ScrollArea.Autosize>
    </Modal>
  );
}
