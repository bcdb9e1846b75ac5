import { Checkbox, Divider, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMemo } from "react";
import type { Server } from "../../../api/bindings";
import { useServerDetails } from "../../../api/queries";
import { useSetServer } from "../../../api/settings";
import { SaveOrUndo } from "../../../components/FormActions";
import { LoadingOrError } from "../../../components/QueryState";
import { useFormSave } from "../../../lib/formErrors";
import { hasChanges, serverChanges, serverSetValues, type ServerSetValues } from "./serverSet";

const MODELS = ["e1000", "rtl8139", "virtio"];
const SLOTS = ["ide:0:0", "ide:0:1", "ide:1:0", "ide:1:1", ...Array.from({ length: 8 }, (_, i) => `block:${i}`)];
/** The backend names a connected drive's errors `drives`; they belong under its uuid. */
const RENAME = { drives: "drive_uuid" };

const mono = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };

/** A CloudSigma server's settings (its `set` call), as its details say they are now. */
export function ServerSetTab({ server }: { server: Server }) {
  const full = useServerDetails(server);
  return full.data ? <ServerSetForm server={full.data} /> : <LoadingOrError query={full} errorTestId="server-set-error" />;
}

/** Only what is changed here is sent. */
function ServerSetForm({ server }: { server: Server }) {
  const initial = useMemo(() => serverSetValues(server), [server]);
  const form = useForm<ServerSetValues>({ mode: "controlled", initialValues: initial });
  const { formError, attempt, clearFormError } = useFormSave(form, RENAME);
  const save = useSetServer();
  const { changes } = serverChanges(initial, form.values);
  const submit = form.onSubmit(async (values) => {
    const { changes, invalid } = serverChanges(initial, values);
    if (invalid.length > 0) {
      invalid.forEach((i) => form.setFieldError(i.field, i.message));
      return;
    }
    await attempt(async () => {
      await save.mutateAsync({ accountId: server.account_id, serverId: server.id, changes });
      // The password is sent once and never kept in the form; the rest now shows what was saved.
      form.setValues({ ...values, vnc_password: "", drive_slot: "", drive_uuid: "", drive_media: "" });
      form.resetDirty();
    });
  });
  const undo = () => {
    form.setValues(initial);
    form.clearErrors();
    clearFormError();
  };
  const input = (field: keyof ServerSetValues) => ({ ...form.getInputProps(field), "data-testid": `server-set-${field}` });
  return (
    <form onSubmit={submit} data-testid="server-set-form">
      <Stack gap="sm" maw={560}>
        <Text size="sm" c="dimmed">
          Only the settings you change are sent. Most take effect when the server next starts.
        </Text>
        <TextInput label="Name" {...input("name")} />
        <SimpleGrid cols={3}>
          <TextInput label="CPU (core MHz)" description="1 to 2.2 GHz per processor" {...input("cpu")} styles={mono} />
          <TextInput label="Processors" description="A number, or auto" {...input("smp")} styles={mono} />
          <TextInput label="Memory (MB)" {...input("mem")} styles={mono} />
        </SimpleGrid>
        <Divider label="Drives and boot" labelPosition="left" />
        <SimpleGrid cols={3}>
          <Select label="Connect a drive at" placeholder="Device" data={SLOTS} clearable {...input("drive_slot")} />
          <TextInput label="Drive uuid" {...input("drive_uuid")} styles={mono} />
          <Select
            label="As"
            placeholder="Unchanged"
            data={[
              { value: "disk", label: "Disk" },
              { value: "cdrom", label: "CD-ROM" },
            ]}
            clearable
            {...input("drive_media")}
          />
        </SimpleGrid>
        <Select label="Boot from" data={SLOTS} {...input("boot")} />
        <TextInput label="Parent (uuid)" {...input("parent")} styles={mono} />
        <Divider label="Network" labelPosition="left" />
        <SimpleGrid cols={2}>
          <Select label="Card 0 model" data={MODELS} {...input("nic0_model")} />
          <TextInput label="Card 0 DHCP address" description="An IPv4 address, or auto" {...input("nic0_dhcp")} styles={mono} />
          <Select label="Card 1 model" data={MODELS} {...input("nic1_model")} />
          <TextInput label="Card 1 VLAN (uuid)" {...input("nic1_vlan")} styles={mono} />
          <TextInput label="Card 1 MAC address" {...input("nic1_mac")} styles={mono} />
        </SimpleGrid>
        <Divider label="VNC" labelPosition="left" />
        <SimpleGrid cols={2}>
          <TextInput label="VNC address" description="An IPv4 address, or auto" {...input("vnc_ip")} styles={mono} />
          <PasswordInput label="New VNC password" description="Left empty, the password stays as it is" autoComplete="new-password" {...input("vnc_password")} />
        </SimpleGrid>
        <Checkbox
          label="Require TLS for VNC"
          description={initial.vnc_tls ? "Already required; CloudSigma's API offers no way to turn it off" : "VeNCrypt-style TLS in addition to the password"}
          disabled={initial.vnc_tls}
          {...form.getInputProps("vnc_tls", { type: "checkbox" })}
          data-testid="server-set-vnc_tls"
        />
        <SaveOrUndo testId="server-set" changed={hasChanges(changes)} busy={save.isPending} onUndo={undo} error={formError}>
          Save settings
        </SaveOrUndo>
      </Stack>
    </form>
  );
}
