import { ActionIcon, Divider, Popover, SegmentedControl, Stack, Switch, Text, TextInput, Tooltip } from "@mantine/core";
import { IconSettings } from "@tabler/icons-react";
import type { ColorScheme, NotificationSwitches } from "../../api/bindings";
import { usePreferences, useSetPreferences } from "../../api/preferences";

const SCHEMES: Array<{ value: ColorScheme; label: string }> = [
  { value: "light", label: "Light" },
  { value: "auto", label: "As the system" },
  { value: "dark", label: "Dark" },
];

const SWITCHES: Array<{ key: keyof NotificationSwitches; label: string }> = [
  { key: "job_end", label: "A job ends" },
  { key: "server_state", label: "A server changes state without me asking" },
  { key: "low_balance", label: "A balance goes under its warning level" },
];

/** A text preference saved when the field is left or Enter is pressed, not on every key. */
function SavedText(props: { label: string; description: string; placeholder?: string; value: string; onSave: (v: string) => void; testId: string }) {
  const { label, description, placeholder, value, onSave, testId } = props;
  const save = (el: HTMLInputElement) => {
    if (el.value.trim() !== value) onSave(el.value.trim());
  };
  return (
    <TextInput
      key={value}
      size="xs"
      label={label}
      description={description}
      placeholder={placeholder}
      defaultValue={value}
      onBlur={(e) => save(e.currentTarget)}
      onKeyDown={(e) => e.key === "Enter" && save(e.currentTarget)}
      data-testid={testId}
    />
  );
}

/** The header's preferences next to the refresh interval: colors, desktop notifications and Open SSH. */
export function PreferencesButton() {
  const prefs = usePreferences();
  const set = useSetPreferences();
  return (
    <Popover position="bottom-end" width={340} shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Tooltip label="Preferences">
          <ActionIcon variant="default" size="lg" aria-label="Preferences" data-testid="preferences-button">
            <IconSettings size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="preferences-panel">
          <Text size="sm" fw={600} id="preference-colors-label">
            Colors
          </Text>
          <SegmentedControl
            size="xs"
            fullWidth
            aria-labelledby="preference-colors-label"
            data={SCHEMES}
            value={prefs.color_scheme}
            onChange={(v) => set(() => ({ color_scheme: v as ColorScheme }))}
            data-testid="preference-color-scheme"
          />
          <Divider />
          <Text size="sm" fw={600}>
            Desktop notifications when
          </Text>
          {SWITCHES.map((s) => (
            <Switch
              key={s.key}
              size="xs"
              label={s.label}
              checked={prefs.notifications[s.key]}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                set((now) => ({ notifications: { ...now.notifications, [s.key]: on } }));
              }}
              data-testid={`preference-notify-${s.key}`}
            />
          ))}
          <Divider />
          <Text size="sm" fw={600}>
            Open SSH
          </Text>
          <SavedText
            label="Log in as"
            description="The user ssh connects as; ssh asks for the password itself, vpsdesk keeps none."
            value={prefs.ssh_user}
            onSave={(v) => set(() => ({ ssh_user: v || "root" }))}
            testId="preference-ssh-user"
          />
          <SavedText
            label="Terminal command"
            description="Started with ssh user@address added at the end, without a shell."
            placeholder="$TERMINAL -e, x-terminal-emulator -e, gnome-terminal --, konsole -e, xterm -e"
            value={prefs.terminal_command ?? ""}
            onSave={(v) => set(() => ({ terminal_command: v || null }))}
            testId="preference-terminal"
          />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
