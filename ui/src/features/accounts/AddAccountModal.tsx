import {
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { FormActions, FormError } from "../../components/FormActions";
import { useForm } from "@mantine/form";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { NewAccount, ProviderInfo, ProviderKind } from "../../api/bindings";
import { toAppError } from "../../api/errors";
import { applyFieldErrors } from "../../lib/formErrors";
import { useAddAccount, useProviders } from "../../api/queries";
import { nameProblem } from "../../lib/textRules";

export type AccountValues = {
  provider: ProviderKind | null;
  name: string;
  username: string;
  secret: string;
  region: string | null;
  endpoint: string;
  verify: boolean;
};

const EMPTY: AccountValues = {
  provider: null,
  name: "",
  username: "",
  secret: "",
  region: null,
  endpoint: "",
  verify: true,
};

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** https:// anywhere; http:// only for this computer (a local test server or the demo sandbox). */
export function endpointError(endpoint: string): string | null {
  const value = endpoint.trim();
  if (!value) return null;
  // As the core (accounts::validate_endpoint): what is typed is what is
  // contacted, so no look-alike letters and no control characters.
  if (/[^\x21-\x7e]/.test(value)) return "Use plain ASCII without spaces (an international host name in its xn-- form)";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, e.g. https://api.example.com";
  }
  if (url.hostname.length > 253 || url.hostname.split(".").some((label) => label.length > 63)) {
    return "The host name is too long for DNS (at most 253 characters, 63 between dots)";
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:") {
    return LOCAL_HOSTS.has(url.hostname) || url.hostname.startsWith("127.")
      ? null
      : "Use https://. Plain http:// is only allowed for localhost";
  }
  return "The URL must start with https://";
}

export function validateAccount(v: AccountValues, provider: ProviderInfo | undefined) {
  const errors: Partial<Record<keyof AccountValues, string>> = {};
  if (!v.provider || !provider) errors.provider = "Choose a provider";
  const name = v.name.trim();
  if (!name) errors.name = "Enter a name for this account";
  else if (nameProblem(name)) errors.name = nameProblem(name) ?? undefined;
  if (provider?.username_label && !v.username.trim()) errors.username = `Enter the ${provider.username_label.toLowerCase()}`;
  if (!v.secret) errors.secret = provider ? `Enter the ${provider.secret_label.toLowerCase()}` : "Required";
  if (provider && provider.regions.length > 0 && !v.region) errors.region = "Choose a region";
  const ep = endpointError(v.endpoint);
  if (ep) errors.endpoint = ep;
  return errors;
}

export function AddAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const providers = useProviders();
  const add = useAddAccount();
  const [advanced, setAdvanced] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const providerRef = useRef<ProviderInfo | undefined>(undefined);

  const form = useForm<AccountValues>({
    mode: "controlled",
    initialValues: EMPTY,
    validate: (values) => validateAccount(values, providerRef.current),
  });
  const provider = providers.data?.find((p) => p.id === form.values.provider);
  providerRef.current = provider;

  // Every opening starts blank: the secret is never prefilled.
  const startBlank = useEffectEvent(() => {
    form.setValues(EMPTY);
    form.clearErrors();
    setAdvanced(false);
    setFormError(null);
    add.reset();
  });
  useEffect(() => {
    if (opened) startBlank();
  }, [opened]);

  const close = () => {
    form.setFieldValue("secret", "");
    add.reset();
    onClose();
  };

  const chooseProvider = (id: string | null) => {
    form.setValues({ provider: id as ProviderKind | null, username: "", region: null, endpoint: "" });
    form.clearErrors();
    setFormError(null);
  };

  const submit = form.onSubmit(
    async (values) => {
      if (!provider) return;
      const input: NewAccount = {
        provider: provider.id,
        name: values.name.trim(),
        username: provider.username_label ? values.username.trim() : null,
        secret: values.secret,
        region: provider.regions.length > 0 ? values.region : null,
        endpoint: values.endpoint.trim() || null,
        verify: values.verify,
      };
      // The secret leaves the form now, whatever the outcome.
      form.setFieldValue("secret", "");
      setFormError(null);
      try {
        await add.mutateAsync(input);
        // The mutation's variables carry the secret; reset drops them (and,
        // with gcTime 0, the mutation) from the query cache.
        add.reset();
        onClose();
      } catch (e) {
        add.reset();
        setFormError(applyFieldErrors(form, e).message);
        // The endpoint field sits in the folded advanced section: unfold it to show its error.
        if (toAppError(e).fields.some((f) => f.field === "endpoint")) setAdvanced(true);
      }
    },
    (errors) => {
      if (errors.endpoint) setAdvanced(true);
    },
  );

  return (
    <Modal opened={opened} onClose={close} title="Add account" size="lg">
      <form onSubmit={submit} data-testid="add-account-form" noValidate autoComplete="off">
        <Stack gap="sm">
          <Select
            label="Provider"
            placeholder={providers.isPending ? "Loading providers…" : "Choose a provider"}
            data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.label }))}
            value={form.values.provider}
            onChange={chooseProvider}
            error={form.errors.provider ?? (providers.error ? `Could not load providers: ${providers.error.message}` : undefined)}
            allowDeselect={false}
            withAsterisk
            data-testid="account-provider"
          />
          {provider && (
            <>
              <TextInput
                label="Account name"
                description="Shown in vpsdesk only"
                placeholder={`e.g. ${provider.label} production`}
                withAsterisk
                data-testid="account-name"
                {...form.getInputProps("name")}
              />
              {provider.username_label !== null && (
                <TextInput
                  label={provider.username_label}
                  withAsterisk
                  spellCheck={false}
                  autoComplete="off"
                  data-testid="account-username"
                  {...form.getInputProps("username")}
                />
              )}
              <PasswordInput
                label={provider.secret_label}
                description="Stored in the system keychain. It is never shown again."
                withAsterisk
                autoComplete="new-password"
                spellCheck={false}
                data-testid="account-secret"
                {...form.getInputProps("secret")}
              />
              {provider.regions.length > 0 && (
                <Select
                  label="Region"
                  placeholder="Choose a region"
                  data={provider.regions.map((r) => ({ value: r.id, label: r.name }))}
                  allowDeselect={false}
                  withAsterisk
                  data-testid="account-region"
                  {...form.getInputProps("region")}
                />
              )}
              {/* No wrapper around the button: //*[normalize-space()='Advanced'] must hit the button first. */}
              <UnstyledButton
                style={{ alignSelf: "flex-start" }}
                onClick={() => setAdvanced((a) => !a)}
                aria-expanded={advanced}
                data-testid="account-advanced"
              >
                <Group gap={4}>
                  {advanced ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                  <Text size="sm" fw={500}>
                    Advanced
                  </Text>
                </Group>
              </UnstyledButton>
              {/* Rendered only when open: a hidden input would still be found by WebDriver. */}
              {advanced && (
                <TextInput
                  label="API endpoint"
                  description="Leave empty for the provider's public API. Must be https://; http:// is accepted only for localhost (a local test server)."
                  placeholder={provider.default_endpoint}
                  spellCheck={false}
                  data-testid="account-endpoint"
                  {...form.getInputProps("endpoint")}
                />
              )}
              <Checkbox
                label="Verify the credentials now"
                description="Makes one read-only call to the provider before saving"
                data-testid="account-verify"
                {...form.getInputProps("verify", { type: "checkbox" })}
              />
            </>
          )}
          <FormError message={formError} testId="add-account-error" />
          <FormActions onCancel={close} busy={add.isPending} disabled={!provider} submitTestId="account-submit" mt="xs">
            Add account
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
