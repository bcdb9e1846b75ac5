import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconPencil, IconShoppingCart } from "@tabler/icons-react";
import { useState } from "react";
import { DeleteAction, LabelAndIdCell, QueryTable } from "../../components/ItemTable";
import type { CustomTemplate, LicenseKind, OfferedTemplate } from "../../api/bindings";
import { useAccount } from "../../api/queries";
import { hasCapability } from "../../lib/capabilities";
import { useBuyTemplate, useCustomTemplates, useDeleteCustomTemplate, useLicensedTemplates, useOfferedTemplates, useTemplateInfo } from "../../api/templates";
import { confirmDanger } from "../../components/confirm";
import { TemplateEditForm } from "./TemplateEditForm";
import { LoadingOrError } from "../../components/QueryState";

type Placement = { name: string; regionId: string; templateId: string };

/** Custom templates, the templates offered (a price per cloud, chargeable ones bought after confirming) and the bought ones. */
export function TemplatesPanel({ accountId }: { accountId: string }) {
  const [picked, setPicked] = useState<Placement | null>(null);
  return (
    <Stack gap="lg">
      <CustomTemplates accountId={accountId} />
      <OfferedTemplates accountId={accountId} onPick={setPicked} picked={picked} />
      {picked && <PriceCard key={`${picked.regionId}-${picked.templateId}`} accountId={accountId} placement={picked} />}
      <Licences accountId={accountId} />
    </Stack>
  );
}

function CustomTemplates({ accountId }: { accountId: string }) {
  const list = useCustomTemplates(accountId);
  const remove = useDeleteCustomTemplate();
  const canEdit = hasCapability(useAccount(accountId), "account.custom_template_edit");
  const [editing, setEditing] = useState<CustomTemplate | null>(null);
  return (
    <Stack gap="xs">
      <Title order={5}>Custom templates</Title>
      <QueryTable query={list} testId="custom-templates" columns={["Template", "System", "Description"]} empty="No custom templates: turn a server's backup into one from its Snapshots & backups tab."
        row={(t) => (
            <Table.Tr key={t.id} data-testid={`custom-template-row-${t.id}`}>
              <LabelAndIdCell label={t.label} id={t.id} />
              <Table.Td>{t.operating_system ?? "—"}</Table.Td>
              <Table.Td>{t.description ?? "—"}</Table.Td>
              <Table.Td>
                <Group justify="flex-end" gap={2}>
                  {canEdit && (
                    <Tooltip label="Edit template">
                      <ActionIcon variant="subtle" aria-label={`Edit custom template ${t.id}`} onClick={() => setEditing(t)} data-testid={`custom-template-edit-${t.id}`}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  <DeleteAction
                    tooltip="Delete template"
                    label={`Delete custom template ${t.id}`}
                    testId={`custom-template-delete-${t.id}`}
                    title="Delete custom template?"
                    what={`${t.label} is removed at once; servers installed from it keep running.`}
                    confirm="Delete template"
                    confirmTestId="custom-template-delete-confirm"
                    onConfirm={() => remove.mutate({ accountId, templateId: t.id })}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
        )}
      />
      {editing && <TemplateEditForm accountId={accountId} template={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function OfferedTemplates({ accountId, picked, onPick }: { accountId: string; picked: Placement | null; onPick: (p: Placement) => void }) {
  const list = useOfferedTemplates(accountId);
  const chip = (t: OfferedTemplate, regionId: string, templateId: string) => {
    const active = picked?.regionId === regionId && picked.templateId === templateId;
    return (
      <Badge
        key={`${regionId}-${templateId}`}
        component="button"
        variant={active ? "filled" : "light"}
        style={{ cursor: "pointer" }}
        onClick={() => onPick({ name: t.name, regionId, templateId })}
        // The name starts with the visible text, so speech input can say what is on screen.
        aria-label={`cloud ${regionId} · #${templateId}: price of ${t.name}`}
        data-testid={`template-pick-${regionId}-${templateId}`}
      >
        cloud {regionId} · #{templateId}
      </Badge>
    );
  };
  return (
    <Stack gap="xs">
      <Title order={5}>Templates offered</Title>
      <Text size="xs" c="dimmed">
        Each system has its own id on each cloud: pick one to see its price.
      </Text>
      <QueryTable query={list} testId="offered-templates" columns={["Template", "Clouds"]} actions={false}
        row={(t) => (
          <Table.Tr key={`${t.group}-${t.name}`}>
            <Table.Td>
              <Text size="sm">{t.name}</Text>
              {t.group !== t.name && (
                <Text size="xs" c="dimmed">
                  {t.group}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>{t.placements.map((p) => chip(t, p.region_id, p.template_id))}</Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

function PriceCard({ accountId, placement }: { accountId: string; placement: Placement }) {
  const info = useTemplateInfo(accountId, placement);
  const buy = useBuyTemplate();
  const [kind, setKind] = useState<LicenseKind>(/windows/i.test(placement.name) ? "windows" : "cloudlinux");
  if (info.isPending || info.isError) return <LoadingOrError query={info} errorTestId="template-price-error" />;
  const t = info.data;
  const chargeable = t.prices.some((p) => Number(p.amount) > 0);
  const price = t.prices.map((p) => `${p.amount} ${p.currency}`).join(" / ");
  return (
    <Paper withBorder p="sm" data-testid="template-price">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Text fw={500}>{t.label}</Text>
          <Text size="sm" data-testid="template-price-amount">
            {chargeable ? `${price} a month` : "Free"}
          </Text>
        </Stack>
        {chargeable && (
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={kind}
              onChange={(v) => setKind(v as LicenseKind)}
              data={[
                { value: "cloudlinux", label: "CloudLinux" },
                { value: "windows", label: "Windows" },
              ]}
              data-testid="template-buy-kind"
            />
            <Button
              leftSection={<IconShoppingCart size={16} />}
              loading={buy.isPending}
              onClick={() =>
                confirmDanger(`Buy ${t.label}?`, `The account is charged ${price} a month for this template until it is cancelled.`, "Buy template", "template-buy-confirm", () =>
                  buy.mutate({ accountId, kind, templateId: t.id }),
                )
              }
              data-testid="template-buy"
            >
              Buy…
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

function Licences({ accountId }: { accountId: string }) {
  const list = useLicensedTemplates(accountId);
  return (
    <Stack gap="xs">
      <Title order={5}>Bought templates</Title>
      <QueryTable query={list} testId="licences" columns={["Kind", "Licence", "Template", "Used by server"]} actions={false} empty="No chargeable templates bought."
        row={(l) => (
          <Table.Tr key={`${l.kind}-${l.id}`} data-testid={`licence-row-${l.kind}-${l.id}`}>
            <Table.Td>{l.kind === "windows" ? "Windows" : "CloudLinux"}</Table.Td>
            <Table.Td ff="monospace">{l.id}</Table.Td>
            <Table.Td ff="monospace">{l.template_id}</Table.Td>
            <Table.Td>{l.server_id ?? "free"}</Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
