import { ActionIcon, Badge, Button, Drawer, Group, Indicator, Progress, Stack, Text, Tooltip } from "@mantine/core";
import { IconListCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";
import type { Job } from "../../api/bindings";
import { isRunning, useCancelJob, useClearJobs, useJobs } from "../../api/jobs";
import { formatTime } from "../../lib/refresh";

const STATE_COLOR: Record<Job["state"], string> = { running: "blue", succeeded: "teal", failed: "red", cancelled: "gray" };

function JobRow({ job }: { job: Job }) {
  const cancel = useCancelJob();
  const running = isRunning(job);
  const reason = job.cancellable ? "Cancel" : `Cannot be cancelled: ${job.cancel_note ?? "the provider cannot stop it"}`;
  return (
    <Stack gap={4} p="xs" style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 6 }} data-testid={`job-${job.id}`} data-state={job.state}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} lineClamp={1} title={job.title}>
          {job.title}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Badge size="sm" variant="light" color={STATE_COLOR[job.state]} data-testid={`job-state-${job.id}`}>
            {job.state}
          </Badge>
          {running && (
            <Tooltip label={reason} multiline maw={260}>
              <ActionIcon
                size="sm"
                variant="subtle"
                aria-label={`Cancel ${job.title}`}
                aria-disabled={!job.cancellable || undefined}
                aria-description={job.cancellable ? undefined : reason}
                onClick={() => job.cancellable && cancel.mutate(job)}
                data-testid={`job-cancel-${job.id}`}
              >
                <IconX size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      {running && (
        <Progress
          size="sm"
          value={job.progress ?? 100}
          striped={job.progress === null}
          animated={job.progress === null}
          aria-label={job.progress === null ? "In progress" : `${job.progress} %`}
        />
      )}
      <Text size="xs" c={job.state === "failed" ? "red" : "dimmed"} data-testid={`job-stage-${job.id}`}>
        {job.stage}
      </Text>
      <Text size="xs" c="dimmed">
        {job.account} · started {formatTime(job.started_at_ms)}
        {job.finished_at_ms ? ` · ended ${formatTime(job.finished_at_ms)}` : ""}
      </Text>
    </Stack>
  );
}

/** Header button with the number of running jobs; opens the jobs list. */
export function JobsButton() {
  const jobs = useJobs();
  const [open, setOpen] = useState(false);
  const clear = useClearJobs();
  const list = jobs.data ?? [];
  const running = list.filter(isRunning).length;
  return (
    <>
      <Tooltip label={running ? `${running} job${running > 1 ? "s" : ""} running` : "Jobs"}>
        <Indicator label={running} size={16} disabled={running === 0} data-testid="jobs-running">
          <ActionIcon variant="default" size="lg" aria-label="Jobs" onClick={() => setOpen(true)} data-testid="jobs-button">
            <IconListCheck size={18} />
          </ActionIcon>
        </Indicator>
      </Tooltip>
      <Drawer opened={open} onClose={() => setOpen(false)} position="right" size={420} title="Jobs">
        <Stack gap="xs" data-testid="jobs-drawer">
          {jobs.isError && <Text c="red">{jobs.error.message}</Text>}
          {list.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="jobs-empty">
              No jobs yet. Snapshots, restores and reinstalls show up here while the provider works on them.
            </Text>
          ) : (
            <>
              {list.map((j) => (
                <JobRow key={j.id} job={j} />
              ))}
              <Group justify="flex-end">
                <Button size="xs" variant="subtle" disabled={list.every(isRunning)} onClick={() => clear.mutate()} data-testid="jobs-clear">
                  Clear finished
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Drawer>
    </>
  );
}
