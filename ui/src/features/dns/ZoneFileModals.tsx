import { Alert, Badge, Button, FileButton, Group, Loader, Modal, ScrollArea, Stack, Table, Text, Textarea } from "@mantine/core";
import { IconDownload, IconUpload } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import type { ImportOutcome, ImportPlan, ValidRecord } from "../../api/bindings";
import { fetchExport, saveZoneFile, useApplyImport, useImportPlan } from "../../api/dns";
import { errorMessage } from "../../api/errors";

function describe(r: ValidRecord): string {
  const extra = r.type === "MX" ? `${r.priority} ` : r.type === "SRV" ? `${r.priority} ${r.weight} ${r.port} ` : "";
  return `${r.host} ${r.ttl} ${r.type} ${extra}${r.data}`;
}

/** The zone file as text, to read or copy, and a button that saves it to a file. */
export function ExportModal({ opened, onClose, accountId, zone, zoneName }: { opened: boolean; onClose: () => void; accountId: string; zone: string; zoneName: string }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) return;
    setText(null);
    setError(null);
    fetchExport(accountId, zone).then(setText, (e) => setError(errorMessage(e)));
  }, [opened, accountId, zone]);
  return (
    <Modal opened={opened} onClose={onClose} title={`Zone file of ${zoneName}`} size="xl" data-testid="dns-export-modal">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        {text === null && !error && <Loader size="sm" />}
        {text !== null && (
          <Textarea value={text} readOnly autosize minRows={8} maxRows={22} styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }} data-testid="dns-export-text" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="dns-export-close">
            Close
          </Button>
          <Button leftSection={<IconDownload size={16} />} disabled={text === null} onClick={() => void saveZoneFile(accountId, zone, zoneName)} data-testid="dns-export-save">
            Save to file…
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PlanView({ plan }: { plan: ImportPlan }) {
  const rows: Array<[string, string, number, string]> = [
    ...plan.add.map((a): [string, string, number, string] => ["add", "teal", a.line, describe(a.record)]),
    ...plan.change.map((c): [string, string, number, string] => ["change", "orange", c.line, `${describe(c.after)}  (was TTL ${c.before.ttl}${c.before.priority != null ? `, priority ${c.before.priority}` : ""}, ${c.before.data})`]),
    ...plan.unchanged.map((u): [string, string, number, string] => ["unchanged", "gray", u.line, describe(u.record)]),
    ...plan.skipped.map((s): [string, string, number, string] => ["skipped", "yellow", s.line, `${s.text}: ${s.reason}`]),
  ];
  return (
    <Stack gap="xs" data-testid="dns-import-preview">
      <Group gap="xs">
        <Badge color="teal" variant="light" data-testid="dns-import-add-count">
          to add: {plan.add.length}
        </Badge>
        <Badge color="orange" variant="light" data-testid="dns-import-change-count">
          to change: {plan.change.length}
        </Badge>
        <Badge color="gray" variant="light" data-testid="dns-import-unchanged-count">
          unchanged: {plan.unchanged.length}
        </Badge>
        {plan.skipped.length > 0 && (
          <Badge color="yellow" variant="light">
            skipped: {plan.skipped.length}
          </Badge>
        )}
      </Group>
      {plan.add.length + plan.change.length === 0 && <Text size="sm">Nothing to change: the zone already has every record of this file.</Text>}
      <ScrollArea.Autosize mah={320}>
        <Table fz="xs" verticalSpacing={3}>
          <Table.Tbody>
            {rows.map(([what, color, line, text], i) => (
              <Table.Tr key={i}>
                <Table.Td w={100}>
                  <Badge size="xs" color={color} variant="light" styles={{ label: { overflow: "visible" } }}>
                    {what}
                  </Badge>
                </Table.Td>
                <Table.Td w={70} c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  line {line}
                </Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: "break-all" }}>
                  {text}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function Results({ outcomes }: { outcomes: ImportOutcome[] }) {
  return (
    <Table fz="xs" verticalSpacing={3} data-testid="dns-import-results">
      <Table.Tbody>
        {outcomes.map((o, i) => (
          <Table.Tr key={i} data-ok={o.error ? "false" : "true"}>
            <Table.Td w={70}>
              <Badge size="xs" color={o.error ? "red" : "teal"} variant="light">
                {o.error ? "failed" : "done"}
              </Badge>
            </Table.Td>
            <Table.Td w={60}>{o.action}</Table.Td>
            <Table.Td ff="monospace">{describe(o.record)}</Table.Td>
            <Table.Td c="red">{o.error}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Paste or open a zone file, preview what it would add and change, then apply record by record. */
export function ImportModal({ opened, onClose, accountId, zone, zoneName }: { opened: boolean; onClose: () => void; accountId: string; zone: string; zoneName: string }) {
  const [text, setText] = useState("");
  const plan = useImportPlan(accountId, zone);
  const apply = useApplyImport(accountId, zone);
  const { reset: resetPlan } = plan;
  const { reset: resetApply } = apply;
  useEffect(() => {
    if (opened) {
      setText("");
      resetPlan();
      resetApply();
    }
  }, [opened, resetPlan, resetApply]);
  const edit = (t: string) => {
    setText(t);
    plan.reset();
    apply.reset();
  };
  const changes = plan.data ? plan.data.add.length + plan.data.change.length : 0;
  return (
    <Modal opened={opened} onClose={onClose} title={`Import a zone file into ${zoneName}`} size="xl" data-testid="dns-import-modal">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Records the file has and the zone lacks are added; records that differ only in TTL, priority or weight are changed. Nothing is deleted.
        </Text>
        <Textarea
          placeholder={`$ORIGIN ${zoneName}.\n$TTL 3600\nwww  IN A  203.0.113.10`}
          autosize
          minRows={6}
          maxRows={14}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
          value={text}
          onChange={(e) => edit(e.currentTarget.value)}
          data-testid="dns-import-text"
        />
        {plan.error && (
          <Alert color="red" data-testid="dns-import-error">
            {plan.error.message}
          </Alert>
        )}
        {plan.data && !apply.data && <PlanView plan={plan.data} />}
        {apply.data && <Results outcomes={apply.data} />}
        {apply.error && <Alert color="red">{apply.error.message}</Alert>}
        <Group justify="space-between">
          <FileButton onChange={(f) => f && void f.text().then(edit)} accept=".zone,.txt,.db,text/plain">
            {(props) => (
              <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
                Open a file…
              </Button>
            )}
          </FileButton>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {apply.data ? "Close" : "Cancel"}
            </Button>
            <Button variant="light" disabled={!text.trim()} loading={plan.isPending} onClick={() => plan.mutate(text)} data-testid="dns-import-preview-button">
              Preview
            </Button>
            <Button disabled={!plan.data || changes === 0 || !!apply.data} loading={apply.isPending} onClick={() => apply.mutate(text)} data-testid="dns-import-apply">
              Apply {changes > 0 ? `${changes} change${changes === 1 ? "" : "s"}` : ""}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
