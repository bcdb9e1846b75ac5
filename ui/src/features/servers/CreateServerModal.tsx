import { Alert, Checkbox, Group, Loader, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { confirmDanger } from "../../components/confirm";
import { FormActions, FormError } from "../../components/FormActions";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import type { AccountView, Image, Plan, ProviderInfo, Region } from "../../api/bindings";
import type { AppError } from "../../api/errors";
import { applyFieldErrors } from "../../lib/formErrors";
import {
  useAccounts,
  useCatalogImages,
  useCatalogPlans,
  useCatalogRegions,
  useCreateServer,
  useProviders,
} from "../../api/queries";
import { useIsos } from "../../api/operatingSystems";
import { useSnapshots } from "../../api/snapshots";
import { useSshKeys } from "../../api/sshKeys";
import { useScripts } from "../../api/startupScripts";
import { hasCapability } from "../../lib/capabilities";
import { formatMemory } from "../../lib/format";
import { providerLabel } from "../../lib/labels";
import { nameProblem } from "../../lib/textRules";

export type CreateValues = {
  account_id: string | null;
  name: string;
  region: string | null;
  plan: string | null;
  image: string | null;
  cpu_mhz: number | string;
  mem_mb: number | string;
  /** Stored SSH keys and startup script, for providers that keep them. */
  ssh_keys: string[];
  script: string | null;
  /** What the server is installed from: a system image, an ISO to boot or a snapshot. */
  source: InstallSource;
  iso: string | null;
  snapshot: string | null;
  ipxe_url: string;
  /** Creation options, each shown where the account declares its `servers.create.*` capability. */
  hostname: string;
  auto_backups: boolean;
  ipv6: boolean;
  private_network: boolean;
  /** Licence ids to buy with the server (`servers.create.licences`; billed, confirmed first). */
  licences: string[];
  /** An instant server from a country alone (`servers.create.instant`). */
  instant: boolean;
  country: string;
};

export type InstallSource = "image" | "iso" | "ipxe" | "snapshot";


/** Everything chosen for one account; kept apart from the name when the account changes. */
const ACCOUNT_CHOICES = {
  region: null,
  plan: null,
  image: null,
  cpu_mhz: "",
  mem_mb: "",
  ssh_keys: [],
  script: null,
  source: "image",
  iso: null,
  snapshot: null,
  ipxe_url: "",
  hostname: "",
  auto_backups: false,
  ipv6: false,
  private_network: false,
  licences: [],
  instant: false,
  country: "",
} satisfies Partial<CreateValues>;

const EMPTY: CreateValues = { account_id: null, name: "", ...ACCOUNT_CHOICES };

export function planLabel(p: Plan): string {
  const parts = [
    p.vcpus !== null ? `${p.vcpus} vCPU` : null,
    formatMemory(p.memory_mb),
    p.disk_gb !== null ? `${p.disk_gb} GB disk` : null,
    p.price_monthly !== null ? `${p.price_monthly}/mo` : null,
  ].filter(Boolean);
  return parts.length ? `${p.name} — ${parts.join(" · ")}` : p.name;
}

function regionLabel(r: Region): string {
  return r.country ? `${r.name} (${r.country})` : r.name;
}

function imageData(images: Image[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const img of images) {
    const family = img.family ?? "Other";
    const label = img.arch ? `${img.name} (${img.arch})` : img.name;
    if (!groups.has(family)) groups.set(family, []);
    groups.get(family)!.push({ value: img.id, label });
  }
  if (groups.size <= 1) return [...groups.values()].flat();
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
}

type Ctx = { sizing: ProviderInfo["sizing"]; needsRegion: boolean; needsImage: boolean };

export function validateCreate(v: CreateValues, ctx: Ctx): Partial<Record<keyof CreateValues, string>> {
  const errors: Partial<Record<keyof CreateValues, string>> = {};
  if (!v.account_id) errors.account_id = "Choose an account";
  const name = v.name.trim();
  if (!name) errors.name = "Enter a name";
  else if (nameProblem(name)) errors.name = nameProblem(name) ?? undefined;
  // An instant server is made from its country alone: nothing else is asked.
  if (v.instant) {
    if (!/^\d{1,18}$/.test(v.country.trim())) errors.country = "Enter the country's number";
    return errors;
  }
  const badLicence = v.licences.find((l) => !/^\d{1,18}$/.test(l.trim()));
  if (badLicence !== undefined) errors.licences = `A licence id is a number, not "${badLicence}"`;
  if (ctx.needsRegion && !v.region) errors.region = "Choose a region";
  if (v.source === "image" && ctx.needsImage && !v.image) errors.image = "Choose an image";
  if (v.source === "iso" && !v.iso) errors.iso = "Choose an ISO";
  if (v.source === "snapshot" && !v.snapshot) errors.snapshot = "Choose a snapshot";
  if (v.source === "ipxe" && !v.ipxe_url.trim()) errors.ipxe_url = "Enter the address of the iPXE script";
  if (ctx.sizing === "plans") {
    if (!v.plan) errors.plan = "Choose a plan";
  } else {
    const cpu = Number(v.cpu_mhz);
    const mem = Number(v.mem_mb);
    if (v.cpu_mhz === "" || !Number.isInteger(cpu) || cpu <= 0) errors.cpu_mhz = "Enter the CPU speed in MHz";
    if (v.mem_mb === "" || !Number.isInteger(mem) || mem <= 0) errors.mem_mb = "Enter the memory in MB";
  }
  return errors;
}

function loadError(what: string, error: AppError | null): string | undefined {
  return error ? `Could not load ${what}: ${error.message}` : undefined;
}

/** A request with no option chosen: what an instant server sends beside its name and country. */
const NO_OPTIONS = {
  region: null,
  plan: null,
  image: null,
  cpu_mhz: null,
  mem_mb: null,
  ssh_keys: [],
  script: null,
  iso: null,
  snapshot: null,
  ipxe_url: null,
  hostname: null,
  auto_backups: false,
  ipv6: false,
  private_network: false,
  licences: [],
  confirm_charges: false,
};

export function CreateServerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const accounts = useAccounts();
  const providers = useProviders();
  const create = useCreateServer();
  const [formError, setFormError] = useState<string | null>(null);

  const creatable = useMemo<AccountView[]>(
    () => (accounts.data ?? []).filter((a) => hasCapability(a, "servers.create")),
    [accounts.data],
  );

  const ctxRef = useRef<Ctx>({ sizing: "plans", needsRegion: false, needsImage: false });
  const form = useForm<CreateValues>({
    mode: "controlled",
    initialValues: EMPTY,
    validate: (values) => validateCreate(values, ctxRef.current),
  });
  const v = form.getValues();

  const account = creatable.find((a) => a.id === v.account_id) ?? null;
  const provider = account ? providers.data?.find((p) => p.id === account.provider) : undefined;
  const sizing: ProviderInfo["sizing"] = provider?.sizing ?? "plans";

  const regions = useCatalogRegions(account?.id ?? null);
  const needsRegion = (regions.data?.length ?? 0) > 0;
  const images = useCatalogImages(account?.id ?? null, needsRegion ? v.region : null);
  const plansEnabled = sizing === "plans" && regions.isSuccess && (!needsRegion || v.region !== null);
  const plans = useCatalogPlans(account?.id ?? null, needsRegion ? v.region : null, plansEnabled);
  ctxRef.current = { sizing, needsRegion, needsImage: (images.data?.length ?? 0) > 0 };
  const keyed = hasCapability(account, "account.ssh_keys");
  const scripted = hasCapability(account, "account.scripts");
  const sshKeys = useSshKeys(account?.id ?? null, keyed);
  const scripts = useScripts(account?.id ?? null, scripted);
  const fromIso = hasCapability(account, "servers.create.iso");
  const fromSnapshot = hasCapability(account, "servers.create.snapshot");
  const fromIpxe = hasCapability(account, "servers.create.ipxe");
  const isos = useIsos(account?.id ?? "", fromIso && v.source === "iso");
  const snapshots = useSnapshots(account?.id ?? "", fromSnapshot && v.source === "snapshot");
  const sources: Array<{ value: InstallSource; label: string }> = [
    { value: "image", label: "Operating system" },
    ...(fromIso ? [{ value: "iso" as const, label: "ISO" }] : []),
    ...(fromIpxe ? [{ value: "ipxe" as const, label: "iPXE" }] : []),
    ...(fromSnapshot ? [{ value: "snapshot" as const, label: "Snapshot" }] : []),
  ];
  const switches = (
    [
      ["servers.create.backups", "auto_backups", "Automatic backups", "The provider may charge for them."],
      ["servers.create.ipv6", "ipv6", "IPv6", "An IPv6 subnet, where the region has one."],
      ["servers.create.private_network", "private_network", "Private networking", null],
    ] as const
  ).filter(([capability]) => hasCapability(account, capability));
  const named = hasCapability(account, "servers.create.hostname");
  const licensable = hasCapability(account, "servers.create.licences");
  const instantOffered = hasCapability(account, "servers.create.instant");
  const instant = instantOffered && v.instant;

  // Open with a clean form; preselect the account when there is only one choice.
  const startClean = useEffectEvent(() => {
    form.setValues({ ...EMPTY, account_id: creatable.length === 1 ? creatable[0].id : null });
    form.resetDirty();
    form.clearErrors();
    setFormError(null);
    create.reset();
  });
  useEffect(() => {
    if (opened) startClean();
  }, [opened]);

  const setAccount = (id: string | null) => {
    form.setValues({ account_id: id, ...ACCOUNT_CHOICES });
    form.clearErrors();
    setFormError(null);
  };

  const send = async (values: CreateValues, confirmCharges: boolean) => {
    if (!account) return;
    setFormError(null);
    if (instant) {
      try {
        await create.mutateAsync({
          accountId: account.id,
          request: {
            ...NO_OPTIONS,
            name: values.name.trim(),
            instant_country: values.country.trim(),
          },
        });
        onClose();
      } catch (e) {
        setFormError(applyFieldErrors(form, e).message);
      }
      return;
    }
    try {
      await create.mutateAsync({
        accountId: account.id,
        request: {
          name: values.name.trim(),
          region: needsRegion ? values.region : null,
          plan: sizing === "plans" ? values.plan : null,
          image: values.source === "image" ? values.image : null,
          cpu_mhz: sizing === "free" ? Number(values.cpu_mhz) : null,
          mem_mb: sizing === "free" ? Number(values.mem_mb) : null,
          ssh_keys: keyed ? values.ssh_keys : [],
          script: scripted && values.source !== "iso" && values.source !== "ipxe" ? values.script : null,
          iso: values.source === "iso" ? values.iso : null,
          snapshot: values.source === "snapshot" ? values.snapshot : null,
          ipxe_url: values.source === "ipxe" ? values.ipxe_url.trim() : null,
          hostname: named && values.hostname.trim() ? values.hostname.trim() : null,
          auto_backups: values.auto_backups,
          ipv6: values.ipv6,
          private_network: values.private_network,
          licences: licensable ? values.licences.map((l) => l.trim()) : [],
          confirm_charges: confirmCharges,
          instant_country: null,
        },
      });
      onClose();
    } catch (e) {
      setFormError(applyFieldErrors(form, e).message);
    }
  };

  // Licences are billed on top of the server: the person confirms them first.
  const submit = form.onSubmit((values) => {
    if (!instant && licensable && values.licences.length > 0) {
      const ids = values.licences.map((l) => l.trim()).join(", ");
      confirmDanger(
        `Buy licence${values.licences.length === 1 ? "" : "s"} ${ids} with the server?`,
        "Each licence is billed every month until it is cancelled, on top of the server. VPS.NET's API gives no licence prices: see them in the VPS.NET control panel.",
        "Create and buy",
        "create-licences-confirm",
        () => void send(values, true),
      );
      return;
    }
    void send(values, false);
  });

  const planOptions = (plans.data ?? []).map((p) => ({ value: p.id, label: planLabel(p) }));
  const loadingIcon = (q: { isFetching: boolean }) => (q.isFetching ? <Loader size={14} /> : undefined);
  /** What every picker of one of the account's lists shares: choosing clears its error, and the list's own error shows there. */
  const picker = (field: "plan" | "image" | "iso" | "snapshot", list: { isFetching: boolean; error: AppError | null }, what: string) => ({
    searchable: true,
    allowDeselect: false,
    rightSection: loadingIcon(list),
    value: v[field],
    onChange: (id: string | null) => {
      form.setFieldValue(field, id);
      form.clearFieldError(field);
    },
    error: form.errors[field] ?? loadError(what, list.error),
    "data-testid": `create-${field}`,
  });
  /** The ISO and snapshot pickers: one of the account's lists, chosen in place of the image. */
  const listedSource = (
    field: "iso" | "snapshot",
    list: { isPending: boolean; isFetching: boolean; error: AppError | null; data?: unknown[] },
    what: string,
    choose: string,
  ) => ({
    ...picker(field, list, what),
    placeholder: list.isPending ? `Loading ${what}…` : list.data?.length === 0 ? `No ${what} on this account` : choose,
    withAsterisk: true,
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Create server" size="lg">
      <form onSubmit={submit} data-testid="create-form" noValidate>
        <Stack gap="sm">
          {accounts.isSuccess && creatable.length === 0 && (
            <Alert color="yellow" variant="light" p="xs">
              None of your accounts can create servers: their providers do not support it here.
            </Alert>
          )}
          <Select
            label="Account"
            placeholder={accounts.isPending ? "Loading accounts…" : "Choose an account"}
            data={creatable.map((a) => ({
              value: a.id,
              label: `${a.name} — ${providerLabel(a.provider, providers.data)}`,
            }))}
            value={v.account_id}
            onChange={setAccount}
            error={form.errors.account_id ?? loadError("accounts", accounts.error)}
            allowDeselect={false}
            withAsterisk
            data-testid="create-account"
          />
          <TextInput
            label="Name"
            placeholder="e.g. web-1"
            withAsterisk
            autoComplete="off"
            spellCheck={false}
            data-testid="create-name"
            {...form.getInputProps("name")}
          />
          {account && instantOffered && (
            <Checkbox
              label="Instant server"
              description="VPS.NET picks the plan, image and cloud; you choose the country."
              data-testid="create-instant"
              {...form.getInputProps("instant", { type: "checkbox" })}
            />
          )}
          {instant && (
            <TextInput
              label="Country"
              description="VPS.NET's number for the country, e.g. 1."
              withAsterisk
              autoComplete="off"
              data-testid="create-country"
              {...form.getInputProps("country")}
            />
          )}
          {!instant && (
            <>
              {account && (needsRegion || regions.isPending || regions.isError) && (
                <Select
                  label="Region"
                  placeholder={regions.isPending ? "Loading regions…" : "Choose a region"}
                  data={(regions.data ?? []).map((r) => ({ value: r.id, label: regionLabel(r) }))}
                  searchable
                  nothingFoundMessage="No region matches"
                  withAsterisk
                  allowDeselect={false}
                  rightSection={loadingIcon(regions)}
                  value={v.region}
                  onChange={(region) => {
                    form.setValues({ region, plan: null, image: null });
                    form.clearFieldError("region");
                  }}
                  error={form.errors.region ?? loadError("regions", regions.error)}
                  data-testid="create-region"
                />
              )}
              {account && sizing === "plans" && (
                <Select
                  label="Plan"
                  description={needsRegion ? "Only plans available in the chosen region are listed." : undefined}
                  placeholder={
                    needsRegion && !v.region
                      ? "Choose a region first"
                      : plans.isFetching
                        ? "Loading plans…"
                        : plans.isSuccess && plans.data.length === 0
                          ? "No plans available here"
                          : "Choose a plan"
                  }
                  disabled={needsRegion && !v.region}
                  data={planOptions}
                  {...picker("plan", plans, "plans")}
                  nothingFoundMessage="No plan matches"
                  withAsterisk
                  comboboxProps={{ width: "target" }}
                />
              )}
              {account && sizing === "free" && (
                <SimpleGrid cols={2} spacing="sm">
                  <NumberInput
                    label="CPU (MHz)"
                    description={`${provider?.label ?? "This provider"} sizes servers freely`}
                    placeholder="2000"
                    min={1}
                    step={250}
                    allowDecimal={false}
                    allowNegative={false}
                    withAsterisk
                    data-testid="create-cpu"
                    {...form.getInputProps("cpu_mhz")}
                  />
                  <NumberInput
                    label="Memory (MB)"
                    description=" "
                    placeholder="2048"
                    min={1}
                    step={256}
                    allowDecimal={false}
                    allowNegative={false}
                    withAsterisk
                    data-testid="create-mem"
                    {...form.getInputProps("mem_mb")}
                  />
                </SimpleGrid>
              )}
              {account && sources.length > 1 && (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="create-source-label">
                    Install from
                  </Text>
                  <SegmentedControl
                    aria-labelledby="create-source-label"
                    data={sources}
                    value={v.source}
                    onChange={(source) => {
                      form.setFieldValue("source", source as InstallSource);
                      form.clearErrors();
                    }}
                    data-testid="create-source"
                  />
                </Stack>
              )}
              {account && v.source === "iso" && (
                <Select
                  label="ISO"
                  description="The server boots it with the provider's Custom system."
                  data={(isos.data ?? []).map((i) => ({ value: i.id, label: i.filename }))}
                  {...listedSource("iso", isos, "ISOs", "Choose an ISO")}
                />
              )}
              {account && v.source === "ipxe" && (
                <TextInput
                  label="iPXE script address"
                  description="The server chain-loads this script at boot, on the provider's Custom system."
                  placeholder="https://boot.example.com/menu.ipxe"
                  withAsterisk
                  {...form.getInputProps("ipxe_url")}
                  data-testid="create-ipxe-url"
                />
              )}
              {account && v.source === "snapshot" && (
                <Select
                  label="Snapshot"
                  data={(snapshots.data ?? []).map((s) => ({
                    value: s.id,
                    label: s.description.trim() || s.id,
                    disabled: s.status !== "complete",
                  }))}
                  {...listedSource("snapshot", snapshots, "snapshots", "Choose a snapshot")}
                />
              )}
              {account && v.source === "image" && (
                <Select
                  label="Image"
                  description={needsRegion && v.region ? "Only images offered in the chosen region are listed." : undefined}
                  placeholder={images.isPending ? "Loading images…" : images.data?.length === 0 ? "No images offered" : "Choose an image"}
                  data={imageData(images.data ?? [])}
                  {...picker("image", images, "images")}
                  nothingFoundMessage="No image matches"
                  withAsterisk={ctxRef.current.needsImage}
                  disabled={images.isSuccess && images.data.length === 0}
                />
              )}
              {account && keyed && (
                <MultiSelect
                  label="SSH keys"
                  description="Installed for root on Linux and FreeBSD systems."
                  placeholder={v.ssh_keys.length > 0 ? undefined : sshKeys.isPending ? "Loading keys…" : sshKeys.data?.length === 0 ? "No SSH keys stored yet" : "None"}
                  data={(sshKeys.data ?? []).map((k) => ({ value: k.id, label: k.name.trim() || k.id }))}
                  searchable
                  clearable
                  value={v.ssh_keys}
                  onChange={(ids) => form.setFieldValue("ssh_keys", ids)}
                  error={form.errors.ssh_keys ?? loadError("SSH keys", sshKeys.error)}
                  data-testid="create-ssh-keys"
                />
              )}
              {account && scripted && v.source !== "iso" && v.source !== "ipxe" && (
                <Select
                  label="Startup script"
                  placeholder={scripts.isPending ? "Loading scripts…" : scripts.data?.length === 0 ? "No startup scripts stored yet" : "None"}
                  data={(scripts.data ?? []).map((s) => ({ value: s.id, label: `${s.name.trim() || s.id} (${s.kind})` }))}
                  clearable
                  value={v.script}
                  onChange={(script) => form.setFieldValue("script", script)}
                  error={form.errors.script ?? loadError("startup scripts", scripts.error)}
                  data-testid="create-script"
                />
              )}
              {account && named && (
                <TextInput
                  label="Host name"
                  description="Fully qualified, e.g. web01.example.com. Optional."
                  placeholder="web01.example.com"
                  autoComplete="off"
                  spellCheck={false}
                  data-testid="create-hostname"
                  {...form.getInputProps("hostname")}
                />
              )}
              {account && switches.length > 0 && (
                <Group gap="lg">
                  {switches.map(([, field, label, description]) => (
                    <Checkbox
                      key={field}
                      label={label}
                      description={description ?? undefined}
                      data-testid={`create-${field.replace("_", "-")}`}
                      {...form.getInputProps(field, { type: "checkbox" })}
                    />
                  ))}
                </Group>
              )}
              {account && licensable && (
                <TagsInput
                  label="Licences"
                  description="Control-panel or add-on licence ids to buy with the server, e.g. 1 (cPanel) or 6 (ISPmanager); one control panel at most. Billed monthly until cancelled."
                  placeholder={v.licences.length > 0 ? undefined : "None"}
                  data-testid="create-licences"
                  {...form.getInputProps("licences")}
                />
              )}
            </>
          )}
          <FormError message={formError} testId="create-error" />
          <FormActions onCancel={onClose} busy={create.isPending} disabled={!account} submitTestId="create-submit" mt="xs">
            Create server
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
