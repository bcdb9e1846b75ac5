import { Group, SegmentedControl, TextInput } from "@mantine/core";
import { PRESETS, spanRange, type UsageSpan } from "../../../lib/usageSpan";

const CHOICES = [...PRESETS.map((p) => ({ value: p.value, label: p.label })), { value: "custom", label: "Custom" }];

/** Presets or two local days for the usage graphs; a custom span that cannot be sent says why under its field. */
export function UsageRangePicker({ span, onChange }: { span: UsageSpan; onChange: (span: UsageSpan) => void }) {
  const today = new Date().toLocaleDateString("en-CA");
  const problem = span.preset === "custom" ? spanRange(span, new Date()) : null;
  const errorOf = (field: "from" | "to") => (problem && "field" in problem && problem.field === field ? problem.error : undefined);
  return (
    <Group align="flex-end" gap="sm" data-testid="usage-range">
      <SegmentedControl
        aria-label="Time range"
        data={CHOICES}
        value={span.preset}
        data-testid="usage-range-preset"
        onChange={(v) => onChange(v === "custom" ? { preset: "custom", fromDay: span.preset === "custom" ? span.fromDay : today, toDay: span.preset === "custom" ? span.toDay : today } : { preset: v as UsageSpan["preset"] } as UsageSpan)}
      />
      {span.preset === "custom" && (
        <>
          <TextInput
            type="date"
            label="First day"
            value={span.fromDay}
            max={today}
            error={errorOf("from")}
            data-testid="usage-range-from"
            onChange={(e) => onChange({ ...span, fromDay: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label="Last day"
            value={span.toDay}
            error={errorOf("to")}
            data-testid="usage-range-to"
            onChange={(e) => onChange({ ...span, toDay: e.currentTarget.value })}
          />
        </>
      )}
    </Group>
  );
}
