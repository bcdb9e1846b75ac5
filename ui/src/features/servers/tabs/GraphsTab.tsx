import { Alert, Loader, Stack, Text } from "@mantine/core";
import type { Server } from "../../../api/bindings";
import { useUsageGraphs } from "../../../api/usageGraphs";
import { UsageChart } from "./UsageChart";

export function GraphsTab({ server }: { server: Server }) {
  const graphs = useUsageGraphs(server.account_id, server.id);
  if (graphs.isPending) return <Loader size="sm" data-testid="graphs-loading" />;
  if (graphs.isError)
    return (
      <Alert color="red" variant="light" data-testid="graphs-error">
        {graphs.error.message}
      </Alert>
    );
  if (graphs.data.length === 0) return <Text c="dimmed">The provider reports no usage for this server.</Text>;
  return (
    <Stack gap="lg">
      {graphs.data.map((g) => (
        <UsageChart key={g.id} graph={g} />
      ))}
    </Stack>
  );
}
