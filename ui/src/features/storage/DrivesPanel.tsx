import { ActionIcon, Alert, Checkbox, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { FormActions } from "../../components/FormActions";
import { useForm } from "@mantine/form";
import { modals } from "@mantine/modals";
import { confirmDanger } from "../../components/confirm";
import { IconCopy, IconDownload, IconTrash, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import type { Drive, StandardKind } from "../../api/bindings";
import { useCloneDrive, useCreateDrive, useDestroyDrive, useDrives, useDriveTransfer, useStandardDrives } from "../../api/drives";
import { ListHeader } from "../../components/ItemTable";
import { QueryState } from "../../components/QueryState";
import { useFormSave } from "../../lib/formErrors";
import { formatBytes } from "../../lib/format";

const GIB = 1024 ** 3;

type Form = { mode: "create" } | { mode: "clone"; source: Drive };

function DriveForm({ accountId, form, onClose }: { accountId: string; form: Form; onClose: () => void }) {
  const create = useCreateDrive();
  const clone = useCloneDrive();
  const source = form.mode === "clone" ? form.source : null;
  const drive = useForm({
    mode: "controlled",
    initialValues: { name: source ? `${source.name} copy` : "", size_gib: (source?.size_bytes ? source.size_bytes / GIB : 10) as number | string, ssd: false, shared: false },
  });
  // The backend speaks of bytes; the form asks for GiB.
  const { formError, attempt } = useFormSave(drive, { size_bytes: "size_gib" });

  const submit = drive.onSubmit(({ name, size_gib, ssd, shared }) =>
    attempt(async () => {
      const size_bytes = Math.round(Number(size_gib) * GIB);
      if (source) await clone.mutateAsync({ accountId, driveId: source.id, clone: { name, size_bytes, ssd } });
      else await create.mutateAsync({ accountId, drive: { name, size_bytes, shared, ssd, encrypted: true } });
      onClose();
    }),
  );

  return (
    <form onSubmit={submit} noValidate data-testid="drive-form">
      <Stack gap="sm">
        {source && (
          <Text size="sm" c="dimmed">
            Copies {source.name} ({formatBytes(source.size_bytes)}); the copy cannot be smaller.
          </Text>
        )}
        <TextInput label="Name" withAsterisk {...drive.getInputProps("name")} data-testid="drive-name" />
        <NumberInput
          label="Size (GiB)"
          min={0}
          decimalScale={3}
          {...drive.getInputProps("size_gib")}
          data-testid="drive-size"
        />
        <Checkbox label="SSD" {...drive.getInputProps("ssd", { type: "checkbox" })} data-testid="drive-ssd" />
        {!source && <Checkbox label="Shared (several servers may read it)" {...drive.getInputProps("shared", { type: "checkbox" })} />}
        {formError && (
          <Alert color="red" variant="light" p="xs" data-testid="drive-error">
            {formError}
          </Alert>
        )}
        <FormActions onCancel={onClose} busy={create.isPending || clone.isPending} submitTestId="drive-submit">
          {source ? "Clone drive" : "Create drive"}
        </FormActions>
      </Stack>
    </form>
  );
}

function DrivesTable({ drives, actions, testid }: { drives: Drive[]; actions?: (d: Drive) => React.ReactNode; testid: string }) {
  return (
    <Table fz="sm" verticalSpacing={4} data-testid={testid}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Attached to</Table.Th>
          {actions && <Table.Th aria-label="Actions" />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {drives.map((d) => (
          <Table.Tr key={d.id} data-testid={`drive-row-${d.id}`}>
            <Table.Td title={d.id}>
              {d.name}
              {d.ssd && (
                <Text span size="xs" c="dimmed" ml={6}>
                  SSD
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatBytes(d.size_bytes)}</Table.Td>
            <Table.Td>{d.status || "—"}</Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {d.claimed_by ?? "—"}
            </Table.Td>
            {actions && (
              <Table.Td>
                <Group gap={2} justify="flex-end" wrap="nowrap">
                  {actions(d)}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function StandardDrives({ accountId }: { accountId: string }) {
  const [kind, setKind] = useState<StandardKind>("image");
  const list = useStandardDrives(accountId, kind);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          Standard drives
        </Text>
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v as StandardKind)}
          data={[
            { value: "image", label: "Images" },
            { value: "cd", label: "CDs" },
            { value: "all", label: "All" },
          ]}
          data-testid="standard-kind"
        />
      </Group>
      <QueryState query={list}>{(data) => <DrivesTable drives={data} testid="standard-table" />}</QueryState>
    </Stack>
  );
}

export function DrivesPanel({ accountId }: { accountId: string }) {
  const drives = useDrives(accountId);
  const destroy = useDestroyDrive();
  const transfer = useDriveTransfer();
  const [form, setForm] = useState<Form | null>(null);

  const actions = (d: Drive) => (
    <>
      <Tooltip label="Upload a file onto the drive">
        <ActionIcon
          variant="subtle"
          aria-label={`Upload to drive ${d.name}`}
          onClick={() =>
            modals.openConfirmModal({
              title: `Upload onto ${d.name}?`,
              children: <Text size="sm">The file you choose overwrites the start of the drive. Progress shows in Jobs; you can cancel between chunks.</Text>,
              labels: { confirm: "Choose file", cancel: "Cancel" },
              confirmProps: { "data-testid": "drive-upload-confirm" } as never,
              onConfirm: () => transfer.mutate({ accountId, driveId: d.id, name: d.name, direction: "upload" }),
            })
          }
          data-testid={`drive-upload-${d.id}`}
        >
          <IconUpload size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Download the drive to a file">
        <ActionIcon
          variant="subtle"
          aria-label={`Download drive ${d.name}`}
          onClick={() => transfer.mutate({ accountId, driveId: d.id, name: d.name, direction: "download" })}
          data-testid={`drive-download-${d.id}`}
        >
          <IconDownload size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Clone">
        <ActionIcon variant="subtle" aria-label={`Clone drive ${d.name}`} onClick={() => setForm({ mode: "clone", source: d })} data-testid={`drive-clone-${d.id}`}>
          <IconCopy size={16} />
        </ActionIcon>
      </Tooltip>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={`Destroy drive ${d.name}`}
        disabled={!!d.claimed_by}
        title={d.claimed_by ? "Attached to a server: detach it first" : undefined}
        onClick={() =>
          confirmDanger(`Destroy drive ${d.name}?`, "The drive and its data are deleted. This cannot be undone.", "Destroy drive", "drive-destroy-confirm", () =>
            destroy.mutate({ accountId, driveId: d.id, name: d.name }),
          )
        }
        data-testid={`drive-destroy-${d.id}`}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </>
  );

  return (
    <Stack gap="md">
      <ListHeader
        description="Disks of the account, attached to servers or kept apart. Uploads and downloads run as jobs in 4 MiB chunks."
        addLabel="New drive"
        addTestId="drive-add"
        onAdd={() => setForm({ mode: "create" })}
      />
      <QueryState query={drives} empty="No drives yet." emptyTestId="drives-empty" errorTestId="drives-error">
        {(data) => <DrivesTable drives={data} actions={actions} testid="drives-table" />}
      </QueryState>
      <StandardDrives accountId={accountId} />
      <Modal opened={form !== null} onClose={() => setForm(null)} title={form?.mode === "clone" ? "Clone drive" : "New drive"}>
        {form && <DriveForm accountId={accountId} form={form} onClose={() => setForm(null)} />}
      </Modal>
    </Stack>
  );
}
