import { Alert, Loader, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { AccountView, Server } from "../../../api/bindings";
import { useUsageGraphs } from "../../../api/usageGraphs";
import { hasCapability } from "../../../lib/capabilities";
import type { UsageSpan } from "../../../lib/usageSpan";
import { UsageChart } from "./UsageChart";
import { UsageRangePicker } from "./UsageRangePicker";

/** The usage graphs; accounts whose provider takes a span get the range picker above them. */
export function GraphsTab({ server, account }: { server: Server; account: AccountView | undefined }) {
  const ranged = hasCapability(account, "usage.range");
  const [span, setSpan] = useState<UsageSpan>({ preset: "24h" });
  const graphs = useUsageGraphs(server.account_id, server.id, ranged ? span : null);
  const picker = ranged && <UsageRangePicker span={span} onChange={setSpan} />;
  let body;
  if (graphs.isError)
    body = (
      <Alert color="red" variant="light" data-testid="graphs-error">
        {graphs.error.message}
      </Alert>
    );
  else if (graphs.isPending) body = graphs.fetchStatus === "idle" ? null : <Loader size="sm" data-testid="graphs-loading" />;
  else if (graphs.data.length === 0 || graphs.data.every((g) => g.series.every((s) => s.points.length === 0)))
    body = <Text c="dimmed" data-testid="graphs-empty">{ranged ? "The provider reports no usage for this server in this range." : "The provider reports no usage for this server."}</Text>;
  else
    body = graphs.data.map((g) => <UsageChart key={g.id} graph={g} />);
  return (
    <Stack gap="lg">
      {picker}
      {body}
    </Stack>
  );
}
